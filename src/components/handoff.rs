//! What the start screen asks for ([`Intent`]) and how the first load hands it to the app module
//! ([`Handoff`], docs/PERFORMANCE.md): the two wasm modules share no Rust types, so it crosses as a
//! plain JS object (the first load carries no JSON serialiser).

use patuh_core::Lang;
use wasm_bindgen::JsValue;

use crate::state::View;

/// What the user asked for on the start screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Start a new assessment (the names are trimmed and not empty).
    New { instrument: String, opd: String, unit: String, product: String },
    /// Open a saved assessment by id.
    Open(String),
    /// Open a copy of a saved assessment.
    Duplicate(String),
    /// Open a file the user chose.
    File(Option<web_sys::File>),
    /// Show another screen (recap, SKM).
    Show(View),
}

/// What the start screen of the first load hands to the app module (`crate::start`): the
/// language in use and what the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Handoff {
    /// The interface language.
    pub lang: Lang,
    /// What to do first.
    pub intent: Intent,
}

impl Handoff {
    /// As a plain JS object `{lang, kind, …}`.
    pub fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&o, &k.into(), &v);
        };
        set("lang", self.lang.code().into());
        let (kind, fields): (&str, Vec<(&str, &str)>) = match &self.intent {
            Intent::New { instrument, opd, unit, product } => (
                "new",
                vec![
                    ("instrument", instrument),
                    ("opd", opd),
                    ("unit", unit),
                    ("product", product),
                ],
            ),
            Intent::Open(id) => ("open", vec![("id", id)]),
            Intent::Duplicate(id) => ("duplicate", vec![("id", id)]),
            Intent::File(f) => {
                set("file", f.clone().map(JsValue::from).unwrap_or(JsValue::UNDEFINED));
                ("file", vec![])
            }
            Intent::Show(View::Recap) => ("recap", vec![]),
            Intent::Show(_) => ("skm", vec![]),
        };
        set("kind", kind.into());
        for (k, v) in fields {
            set(k, v.into());
        }
        o.into()
    }

    /// Reads [`Handoff::to_js`]'s object; `None` for anything else.
    pub fn from_js(v: &JsValue) -> Option<Handoff> {
        use wasm_bindgen::JsCast;
        let get = |k: &str| js_sys::Reflect::get(v, &k.into()).ok();
        let text = |k: &str| get(k).and_then(|x| x.as_string());
        let lang = if text("lang")? == "en" { Lang::En } else { Lang::Id };
        let intent = match text("kind")?.as_str() {
            "new" => Intent::New {
                instrument: text("instrument")?,
                opd: text("opd")?,
                unit: text("unit")?,
                product: text("product")?,
            },
            "open" => Intent::Open(text("id")?),
            "duplicate" => Intent::Duplicate(text("id")?),
            "file" => Intent::File(get("file").and_then(|f| f.dyn_into().ok())),
            "recap" => Intent::Show(View::Recap),
            "skm" => Intent::Show(View::Skm),
            _ => return None,
        };
        Some(Handoff { lang, intent })
    }
}
