//! Browser glue for running offline and inside other sites (docs/EMBEDDING.md):
//! configuration from URL parameters or the mount element's `data-*` attributes, the accent colour
//! (CSSOM only, so a strict CSP holds), `postMessage` to and from the embedding page (one origin,
//! checked both ways), resize reports, and the service worker with its "new version" state.
//!
//! Nothing here touches storage; everything that could fail in an old or locked-down browser
//! degrades to "not embedded" or "no offline support", never to a broken app.

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use patuh_core::instrument::Zone;
use patuh_core::scoring::assess;
use patuh_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{AppState, View};

mod sw;

pub use sw::{after_load, apply_update, on_update, register_service_worker};
mod config;

use config::read_config;
pub use config::{
    accent_palette, parse_accent, parse_instrument, parse_lang, parse_name, parse_origin, Config,
};

thread_local! {
    static CONFIG: Config = read_config();
    static LAST_HEIGHT: Cell<i32> = const { Cell::new(-1) };
    static LAST_RESULT: RefCell<Option<ResultEvent>> = const { RefCell::new(None) };
}

/// The configuration, read once.
pub fn config() -> Config {
    CONFIG.with(Clone::clone)
}

fn obj(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Posts to the embedding page, only to the origin it gave and only if the browser confirms that
/// this really is our parent's origin (`location.ancestorOrigins`, where the browser has it).
fn post_parent(msg: &JsValue) {
    let Some(origin) = config().parent_origin().map(str::to_string) else {
        return;
    };
    let w = gloo::utils::window();
    let ancestors = js_sys::Reflect::get(&w.location(), &JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|a| a.dyn_into::<js_sys::Object>().ok());
    if let Some(a) = ancestors {
        let first =
            js_sys::Reflect::get(&a, &JsValue::from_f64(0.0)).ok().and_then(|v| v.as_string());
        if first.as_deref() != Some(origin.as_str()) {
            return;
        }
    }
    if let Ok(Some(parent)) = w.parent() {
        let _ = parent.post_message(msg, &origin);
    }
}

fn document_height() -> i32 {
    let h = gloo::utils::document()
        .document_element()
        .map(|e| e.get_bounding_client_rect().height())
        .unwrap_or(0.0);
    h.ceil() as i32
}

fn post_height(force: bool) {
    let h = document_height();
    if LAST_HEIGHT.with(|l| l.replace(h)) != h || force {
        post_parent(&obj(&[("type", "patuh:resize".into()), ("height", JsValue::from(h))]));
    }
}

/// Keeps the resize reports of [`attach_root`] running; dropping it stops them (the frame that
/// asked for them was removed, e.g. the start screen handing over to the app module).
pub struct Observed {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Observed {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Applies the accent colour to the app's root element (CSSOM `style.setProperty`, which a
/// `style-src 'self'` CSP allows, unlike a `style` attribute), and, inside an iframe with a
/// known parent origin, reports the content height whenever it changes, for as long as the
/// returned guard lives.
pub fn attach_root(el: &web_sys::HtmlElement) -> Option<Observed> {
    let cfg = config();
    if let Some(accent) = &cfg.accent {
        let style = el.style();
        for (prop, value) in accent_palette(accent) {
            let _ = style.set_property(prop, &value);
        }
    }
    cfg.parent_origin()?;
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| post_height(false));
    let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    if let Some(html) = gloo::utils::document().document_element() {
        observer.observe(&html);
    }
    observer.observe(el);
    post_height(true);
    Some(Observed { observer, _callback: cb })
}

/// What the embedding page is told about a shown result.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultEvent {
    /// `hijau`, `kuning`, `merah` or `hitam`.
    pub zone: &'static str,
    /// The score, rounded to two decimals (e.g. `87.5`).
    pub score: f64,
    /// The opinion grade (A–E) where the instrument has one.
    pub grade: Option<String>,
    pub instrument: String,
    /// Some indicators are still unanswered (the score is a floor).
    pub provisional: bool,
}

/// The result event for the state, when the result screen shows a score.
pub fn result_event(state: &AppState) -> Option<ResultEvent> {
    if state.view != View::Result {
        return None;
    }
    let (doc, ins) = (state.doc.as_ref()?, state.instrument()?);
    let r = assess(ins, doc);
    let band = r.band(ins)?;
    Some(ResultEvent {
        zone: match band.def.zone {
            Zone::Hijau => "hijau",
            Zone::Kuning => "kuning",
            Zone::Merah => "merah",
            Zone::Hitam => "hitam",
        },
        score: f64::from(band.score.0) / 100.0,
        grade: band.def.grade.clone(),
        instrument: ins.id.clone(),
        provisional: r.provisional(),
    })
}

fn send_result(e: &ResultEvent) {
    post_parent(&obj(&[
        ("type", "patuh:result".into()),
        ("zone", e.zone.into()),
        ("score", e.score.into()),
        ("grade", e.grade.as_deref().map(JsValue::from).unwrap_or(JsValue::NULL)),
        ("instrument", e.instrument.as_str().into()),
        ("provisional", e.provisional.into()),
    ]));
}

/// Tells the embedding page about the shown result, once per distinct result.
pub fn report_result(e: Option<ResultEvent>) {
    let Some(e) = e else {
        return;
    };
    let changed = LAST_RESULT.with(|l| {
        let mut l = l.borrow_mut();
        let changed = l.as_ref() != Some(&e);
        *l = Some(e.clone());
        changed
    });
    if changed {
        send_result(&e);
    }
}

/// The data of a message from our parent window on the embedding page's `origin`; `None` for any
/// other message.
fn from_parent(e: &web_sys::Event, origin: &str) -> Option<JsValue> {
    let m = e.dyn_ref::<web_sys::MessageEvent>()?;
    let parent = gloo::utils::window().parent().ok().flatten()?;
    (m.origin() == origin && m.source().is_some_and(|src| js_sys::Object::is(&src, &parent)))
        .then(|| m.data())
}

/// Listens to the embedding page (its origin only, from our parent window only):
/// `{type:'patuh:lang', lang}` switches the language; `{type:'patuh:ping'}` re-sends height and
/// result. Listens for as long as the returned listener lives.
pub fn listen(on_lang: impl Fn(Lang) + 'static) -> Option<EventListener> {
    let origin = config().parent_origin()?.to_string();
    let w = gloo::utils::window();
    Some(EventListener::new(&w, "message", move |e| {
        let Some(data) = from_parent(e, &origin) else {
            return;
        };
        let field = |k: &str| {
            js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string())
        };
        match field("type").as_deref() {
            Some("patuh:lang") => {
                if let Some(l) = field("lang").as_deref().and_then(parse_lang) {
                    on_lang(l);
                }
            }
            Some("patuh:ping") => {
                post_height(true);
                if let Some(r) = LAST_RESULT.with(|l| l.borrow().clone()) {
                    send_result(&r);
                }
            }
            _ => {}
        }
    }))
}

/// Inside an iframe that `embed.js` sizes to its whole content, `position: sticky` sticks to the
/// iframe, i.e. to the whole page, never to what the official sees. `embed.js` therefore tells how
/// many pixels of the iframe are scrolled out of the host's view above and below
/// (`{type:'patuh:viewport', above, below}`, on scroll and resize); they become the custom
/// properties `--patuh-above` and `--patuh-below` on our `<html>` (CSSOM, allowed by a strict CSP),
/// which keep the walk's live score in the visible part (styles/screens.css). Asks for them once
/// (`patuh:follow`); with an older `embed.js` no answer comes and the bar stays as it was
/// (docs/EMBEDDING.md "The live score in an iframe"). Listens for as long as the listener lives.
pub fn follow_viewport() -> Option<EventListener> {
    let origin = config().parent_origin()?.to_string();
    let html: web_sys::HtmlElement = gloo::utils::document().document_element()?.dyn_into().ok()?;
    let listener = EventListener::new(&gloo::utils::window(), "message", move |e| {
        let Some(data) = from_parent(e, &origin) else {
            return;
        };
        let px = |k: &str| {
            js_sys::Reflect::get(&data, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|v| v.is_finite())
                .map(|v| format!("{}px", v.clamp(0.0, 100_000.0).round() as i32))
        };
        let kind = js_sys::Reflect::get(&data, &JsValue::from_str("type")).ok();
        if kind.and_then(|k| k.as_string()).as_deref() != Some("patuh:viewport") {
            return;
        }
        if let (Some(above), Some(below)) = (px("above"), px("below")) {
            let style = html.style();
            let _ = style.set_property("--patuh-above", &above);
            let _ = style.set_property("--patuh-below", &below);
        }
    });
    post_parent(&obj(&[("type", "patuh:follow".into())]));
    Some(listener)
}
