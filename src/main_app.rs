//! The app module, loaded when the start screen of the first load hands over
//! (docs/PERFORMANCE.md): every screen past the start screen, and every download. This file only
//! crosses the JS boundary (`src/lazy.js` calls [`start`]).

use patuh::components::app::{App, AppProps};
use patuh::components::handoff::Handoff;
use wasm_bindgen::prelude::*;

/// Starts the whole app in `root` with the start screen's hand-over (`Handoff::to_js`); one that
/// cannot be read starts the app at its start screen.
#[wasm_bindgen]
pub fn start(root: web_sys::Element, handoff: JsValue) {
    let handoff = Handoff::from_js(&handoff);
    yew::Renderer::<App>::with_root_and_props(root, AppProps { handoff }).render();
}

fn main() {}
