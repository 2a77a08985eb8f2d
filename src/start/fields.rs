//! The start screen's name fields (OPD, unit, product), in plain DOM: each required, with its
//! hint, the 200-character notice and "Wajib diisi." once a start was tried without it, changed
//! in place as the user types (`super::view`).

use web_sys::Element;

use crate::dom::{self, el, El};
use crate::i18n::Texts;

/// The longest a name can be (OPD, unit, product, assessor…), in UTF-16 units as the input's
/// `maxlength` counts (docs/FORMAT.md §Dates and names for a reader).
pub const NAME_MAX: usize = 200;

/// Said next to a name field once it holds [`NAME_MAX`] characters (typed, pasted and cut by the
/// browser, or pre-filled by an embedding page): that longer text is cut. Empty before.
pub fn limit_text(tx: &Texts, value: &str) -> &'static str {
    if value.encode_utf16().count() >= NAME_MAX {
        tx.name_limit
    } else {
        ""
    }
}

/// [id, hint id, error id, both]: written out at compile time (no formatting at run time).
macro_rules! ids {
    ($id:literal) => {
        [$id, concat!($id, "-hint"), concat!($id, "-err"), concat!($id, "-hint ", $id, "-err")]
    };
}

/// The three name fields: OPD, unit, product.
pub const FIELDS: [[&str; 4]; 3] = [ids!("patuh-opd"), ids!("patuh-unit"), ids!("patuh-product")];

fn field_texts(tx: &Texts, i: usize) -> [&'static str; 2] {
    match i {
        0 => [tx.opd_name, tx.opd_hint],
        1 => [tx.unit_name, tx.unit_hint],
        _ => [tx.product_name, tx.product_hint],
    }
}

/// One name field's elements.
#[derive(Default)]
pub struct Field {
    pub input: Option<Element>,
    pub hint: Option<Element>,
    pub err: Option<Element>,
}

/// A required name field with its hint, and "Wajib diisi." once a start was tried without it.
pub fn name_field(tx: &Texts, i: usize, f: &mut Field, value: &str, tried: bool) -> El {
    let [id, hint_id, ..] = FIELDS[i];
    let input = el("input")
        .id(id)
        .attr("type", "text")
        .attr("required", "required")
        .attr("autocomplete", "organization")
        .attr("maxlength", "200")
        .input(value, false)
        .keep(&mut f.input);
    let hint =
        el("p").class("patuh-hint").id(hint_id).attr("aria-live", "polite").keep(&mut f.hint);
    f.err = None;
    let field = el("div")
        .class("patuh-field")
        .child(el("label").attr("for", id).text(field_texts(tx, i)[0]));
    let field = field.child(input).child(hint);
    update_field(tx, i, f, value, tried);
    // The error paragraph, if any, was added to the hint's parent: this field.
    field
}

/// A name field's state on screen: the limit note or the hint, and the error once a start was
/// tried without it.
pub fn update_field(tx: &Texts, i: usize, f: &mut Field, value: &str, tried: bool) {
    let [_, hint_id, err_id, both] = FIELDS[i];
    let err = tried && value.trim().is_empty();
    if let Some(input) = &f.input {
        let _ = input.set_attribute("aria-invalid", if err { "true" } else { "false" });
        let _ = input.set_attribute("aria-describedby", if err { both } else { hint_id });
    }
    if let Some(h) = &f.hint {
        let text =
            Some(limit_text(tx, value)).filter(|t| !t.is_empty()).unwrap_or(field_texts(tx, i)[1]);
        // Only when it changes: the hint is a live region.
        if h.text_content().as_deref() != Some(text) {
            h.set_text_content(Some(text));
        }
    }
    match (err, &f.err, f.hint.as_ref().and_then(|h| h.parent_element())) {
        (true, None, Some(field)) => {
            let p = el("p").class("patuh-error").id(err_id).text(tx.required).0;
            if let Some(p) = &p {
                let _ = field.append_child(p);
            }
            f.err = p;
        }
        (false, Some(_), _) => {
            dom::remove(&f.err);
            f.err = None;
        }
        _ => {}
    }
}
