//! Browser glue for running offline and inside other sites (docs/EMBEDDING.md):
//! configuration from URL parameters or the mount element's `data-*` attributes, the accent colour
//! (CSSOM only, so a strict CSP holds), `postMessage` to and from the embedding page (one origin,
//! checked both ways), resize reports, and the service worker with its "new version" state.
//!
//! Nothing here touches storage; everything that could fail in an old or locked-down browser
//! degrades to "not embedded" or "no offline support", never to a broken app.

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use patuh_core::instrument::{self, Zone};
use patuh_core::scoring::assess;
use patuh_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::state::{AppState, View};

mod sw;

pub use sw::{after_load, apply_update, on_update, register_service_worker};

/// Longest name accepted for a pre-filled OPD, unit or product (the form's own limit).
const MAX_NAME: usize = 200;

/// The start-up configuration: URL parameters on patuh's own page (`?lang=en&instrumen=ori-2022…`),
/// or the `data-*` attributes of the element a host page mounts patuh into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `lang`: interface language (`id` or `en`); overrides the remembered one.
    pub lang: Option<Lang>,
    /// `instrumen`: the instrument pre-selected for a new assessment (a known id only).
    pub instrument: Option<String>,
    /// `opd`, `unit`, `produk`: names pre-filled in the new-assessment form.
    pub opd: Option<String>,
    pub unit: Option<String>,
    pub product: Option<String>,
    /// `accent`: the accent colour, `#rrggbb`, darkened if needed for AA contrast.
    pub accent: Option<String>,
    /// `origin`: the embedding page's origin (set by embed.js); events go there and only there.
    pub origin: Option<String>,
    /// patuh runs on its own page (index.html has `<meta name="patuh-sw">`), not mounted by a host.
    pub own_page: bool,
    /// patuh runs inside an iframe.
    pub framed: bool,
}

impl Config {
    /// Laid out as a widget (no full-viewport height): inside an iframe or mounted in a host page.
    pub fn embedded(&self) -> bool {
        self.framed || !self.own_page
    }

    /// The origin to talk to: only when framed and one was given.
    fn parent_origin(&self) -> Option<&str> {
        self.origin.as_deref().filter(|_| self.framed)
    }
}

/// The interface language of a parameter value.
pub fn parse_lang(s: &str) -> Option<Lang> {
    match s.trim().to_ascii_lowercase().as_str() {
        "id" | "id-id" | "in" => Some(Lang::Id),
        "en" | "en-gb" | "en-us" => Some(Lang::En),
        _ => None,
    }
}

/// A known instrument id.
pub fn parse_instrument(s: &str) -> Option<String> {
    instrument::listing(s.trim()).map(|i| i.id.clone())
}

/// A name to pre-fill: trimmed, control characters dropped, at most [`MAX_NAME`] characters.
pub fn parse_name(s: &str) -> Option<String> {
    let clean: String = s.chars().filter(|c| !c.is_control()).take(MAX_NAME).collect();
    let clean = clean.trim();
    (!clean.is_empty()).then(|| clean.to_string())
}

/// `#rgb`, `#rrggbb` (the `#` optional) → `#rrggbb`, lower case; anything else is refused.
pub fn parse_accent(s: &str) -> Option<String> {
    let hex = s.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// An origin `http(s)://host[:port]` exactly as `location.origin` spells it (no path, no `null`).
pub fn parse_origin(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('/');
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    ok.then(|| s.to_ascii_lowercase())
}

fn rgb(hex: &str) -> (f64, f64, f64) {
    let c = |i: usize| {
        f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0)) / 255.0
    };
    (c(1), c(3), c(5))
}

fn hex((r, g, b): (f64, f64, f64)) -> String {
    let c = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(r), c(g), c(b))
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let lin = |v: f64| {
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn mix(a: (f64, f64, f64), b: (f64, f64, f64), t: f64) -> (f64, f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
}

/// The accent's custom properties: the colour (darkened until text in it, and white text on it,
/// reach 4.5:1 even on its light tint), a darker shade for hover, and the light tint.
pub fn accent_palette(accent: &str) -> [(&'static str, String); 3] {
    let white = (1.0, 1.0, 1.0);
    let mut c = rgb(accent);
    for _ in 0..40 {
        if contrast(c, mix(c, white, 0.9)) >= 4.5 {
            break;
        }
        c = mix(c, (0.0, 0.0, 0.0), 0.08);
    }
    [
        ("--patuh-accent", hex(c)),
        ("--patuh-accent-dark", hex(mix(c, (0.0, 0.0, 0.0), 0.25))),
        ("--patuh-accent-tint", hex(mix(c, white, 0.9))),
    ]
}

thread_local! {
    static CONFIG: Config = read_config();
    static LAST_HEIGHT: Cell<i32> = const { Cell::new(-1) };
    static LAST_RESULT: RefCell<Option<ResultEvent>> = const { RefCell::new(None) };
}

/// The configuration, read once.
pub fn config() -> Config {
    CONFIG.with(Clone::clone)
}

fn meta(name: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

fn is_framed() -> bool {
    let w = gloo::utils::window();
    match w.parent() {
        Ok(Some(p)) => !js_sys::Object::is(&p, &w),
        _ => false,
    }
}

fn read_config() -> Config {
    let own_page = meta("patuh-sw").is_some();
    let root = gloo::utils::document().get_element_by_id("patuh-root");
    // Own page: URL parameters. Host page: the mount element's data-* (the host's URL is not ours).
    let params = if own_page {
        gloo::utils::window()
            .location()
            .search()
            .ok()
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
    } else {
        None
    };
    let get = |key: &str| -> Option<String> {
        let from_root = root.as_ref().and_then(|r| r.get_attribute(&format!("data-{key}")));
        from_root.or_else(|| params.as_ref().and_then(|p| p.get(key)))
    };
    Config {
        lang: get("lang").as_deref().and_then(parse_lang),
        instrument: get("instrumen").as_deref().and_then(parse_instrument),
        opd: get("opd").as_deref().and_then(parse_name),
        unit: get("unit").as_deref().and_then(parse_name),
        product: get("produk").as_deref().and_then(parse_name),
        accent: get("accent").as_deref().and_then(parse_accent),
        origin: params.as_ref().and_then(|p| p.get("origin")).as_deref().and_then(parse_origin),
        own_page,
        framed: is_framed(),
    }
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

/// Listens to the embedding page (its origin only, from our parent window only):
/// `{type:'patuh:lang', lang}` switches the language; `{type:'patuh:ping'}` re-sends height and
/// result. Listens for as long as the returned listener lives.
pub fn listen(on_lang: Callback<Lang>) -> Option<EventListener> {
    let origin = config().parent_origin()?.to_string();
    let w = gloo::utils::window();
    Some(EventListener::new(&w, "message", move |e| {
        let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = match (m.source(), gloo::utils::window().parent()) {
            (Some(src), Ok(Some(p))) => js_sys::Object::is(&src, &p),
            _ => false,
        };
        if m.origin() != origin || !from_parent {
            return;
        }
        let data = m.data();
        let field = |k: &str| {
            js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string())
        };
        match field("type").as_deref() {
            Some("patuh:lang") => {
                if let Some(l) = field("lang").as_deref().and_then(parse_lang) {
                    on_lang.emit(l);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_parameters_strictly() {
        assert_eq!(parse_lang("EN"), Some(Lang::En));
        assert_eq!(parse_lang("fr"), None);
        assert_eq!(parse_accent("#0B5CAD").as_deref(), Some("#0b5cad"));
        assert_eq!(parse_accent("abc").as_deref(), Some("#aabbcc"));
        assert_eq!(parse_accent("red"), None);
        assert_eq!(parse_accent("#0b5cad;background:url(x)"), None);
        assert_eq!(parse_origin("http://127.0.0.1:8095").as_deref(), Some("http://127.0.0.1:8095"));
        assert_eq!(parse_origin("https://Dinas.go.id/").as_deref(), Some("https://dinas.go.id"));
        assert_eq!(parse_origin("https://dinas.go.id/path"), None);
        assert_eq!(parse_origin("null"), None);
        assert_eq!(parse_origin("javascript:alert(1)"), None);
        assert_eq!(parse_name("  Dinas\u{0}  Kesehatan \n").as_deref(), Some("Dinas  Kesehatan"));
        assert_eq!(parse_name(" \t "), None);
        assert_eq!(parse_name(&"x".repeat(500)).map(|s| s.len()), Some(MAX_NAME));
        assert_eq!(parse_instrument("ori-2022").as_deref(), Some("ori-2022"));
        assert_eq!(parse_instrument("ori-1999"), None);
    }

    #[test]
    fn accent_keeps_aa_contrast() {
        // A dark accent is kept as given; a light one is darkened until text reaches 4.5:1.
        assert_eq!(accent_palette("#0b5cad")[0].1, "#0b5cad");
        for light in ["#ffcc00", "#ffffff", "#66ccff"] {
            let [(_, a), _, (_, tint)] = accent_palette(light);
            assert!(contrast(rgb(&a), rgb(&tint)) >= 4.5, "{light} → {a} on {tint}");
            assert!(contrast(rgb(&a), (1.0, 1.0, 1.0)) >= 4.5, "{light} → {a} on white");
        }
    }
}
