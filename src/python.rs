//! The Python binding (feature `python`, built by maturin): converts types,
//! nothing else.
//!
//! `article_cleaner._native.analyze_json(text, input, max_facts, raw,
//! no_entities, no_facts)` returns the report as JSON text; the package's
//! `analyze` (python/article_cleaner/__init__.py) parses it once with
//! `json.loads`, which builds the dict faster than one Python object at a
//! time from Rust. The analysis runs with the interpreter detached (the GIL
//! released), so threads of one process analyse in parallel.

use std::time::Instant;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::{InputKind, Options};

/// Analyses one article and returns its report as JSON text.
#[pyfunction]
#[pyo3(signature = (text, input = "auto", max_facts = 5, raw = false, no_entities = false, no_facts = false))]
fn analyze_json(
    py: Python<'_>,
    text: PyBackedStr,
    input: &str,
    max_facts: i64,
    raw: bool,
    no_entities: bool,
    no_facts: bool,
) -> PyResult<String> {
    let bad = |e: crate::Error| PyValueError::new_err(e.to_string());
    let options = Options {
        input: InputKind::parse(input).map_err(bad)?,
        max_facts: usize::try_from(max_facts)
            .ok()
            .filter(|&n| n <= Options::MAX_MAX_FACTS)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "bad option: max_facts must be a whole number from 0 to {}, not {max_facts}",
                    Options::MAX_MAX_FACTS
                ))
            })?,
        raw,
        no_entities,
        no_facts,
    };
    // The text is borrowed from the Python string (no copy), which
    // stays alive without the GIL.
    let json = py.detach(move || {
        let started = Instant::now();
        let mut report = crate::analyze(&text, &options)?;
        report.stats.elapsed_ms = (started.elapsed().as_secs_f64() * 1e6).round() / 1e3;
        Ok::<_, crate::Error>(serde_json::to_string(&report))
    });
    json.map_err(bad)?
        .map_err(|e| PyValueError::new_err(format!("cannot write the report: {e}")))
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
