// The package's entry point in node: node's fetch cannot read the .wasm beside this file (a
// file: URL), so the module is instantiated here from its bytes, synchronously, and the API is
// ready on import. `init()` still works and does nothing, as code written for browsers calls it.
import { readFileSync } from "node:fs";
import { initSync } from "./xxgk.js";

initSync({ module: readFileSync(new URL("./xxgk_bg.wasm", import.meta.url)) });

export * from "./xxgk.js";
export { default } from "./xxgk.js";
