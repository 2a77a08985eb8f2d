//! The start-up configuration of an embedded or pre-filled patuh (docs/EMBEDDING.md "Options"):
//! URL parameters on patuh's own page or the mount element's `data-*` attributes, each checked
//! strictly, and the accent colour turned into a palette that keeps WCAG 2.1 AA contrast.

use patuh_core::instrument;
use patuh_core::Lang;

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
    pub(super) fn parent_origin(&self) -> Option<&str> {
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

/// `x^y`: in the browser its own `Math.pow`, which keeps the wasm `pow` routine (about 1 KiB) out
/// of the first load (docs/PERFORMANCE.md); on the host, for the tests, Rust's.
fn pow(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::pow(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    return x.powf(y);
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let lin = |v: f64| {
        if v <= 0.040_45 {
            v / 12.92
        } else {
            pow((v + 0.055) / 1.055, 2.4)
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

pub(super) fn meta(name: &str) -> Option<String> {
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

pub(super) fn read_config() -> Config {
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
