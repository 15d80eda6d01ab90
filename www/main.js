// The page's entry point (index.html, and the single-file build).
import { start } from "./app.js";

/** The running page; tests reach it by importing this module. */
export const app = start();
