//! The WebAssembly binding: converts types, nothing else.
