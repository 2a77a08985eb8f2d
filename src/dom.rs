//! A tiny element builder over the browser's DOM, for the start screen that is written without Yew
//! (`crate::start`, docs/PERFORMANCE.md "The first load without Yew"). An element the browser
//! refuses to create is `None` and every call on it does nothing: nothing panics.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// An element being built (`None` if the browser could not create it).
pub struct El(pub Option<Element>);

/// A new `<tag>` element.
pub fn el(tag: &str) -> El {
    El(gloo::utils::document().create_element(tag).ok())
}

/// A `<button type="button">` with `class` and `text`.
pub fn button(class: &str, text: &str) -> El {
    el("button").attr("type", "button").class(class).text(text)
}

impl El {
    /// Sets an attribute.
    #[inline(never)]
    pub fn attr(self, k: &str, v: &str) -> El {
        if let Some(e) = &self.0 {
            let _ = e.set_attribute(k, v);
        }
        self
    }

    /// Sets the class attribute.
    pub fn class(self, c: &str) -> El {
        self.attr("class", c)
    }

    /// Sets the id.
    pub fn id(self, v: &str) -> El {
        self.attr("id", v)
    }

    /// Appends a text node.
    #[inline(never)]
    pub fn text(self, t: &str) -> El {
        if let Some(e) = &self.0 {
            let _ = e.append_child(&gloo::utils::document().create_text_node(t));
        }
        self
    }

    /// Appends a child (nothing for `None`).
    #[inline(never)]
    pub fn child(self, c: impl Into<Option<El>>) -> El {
        if let (Some(e), Some(El(Some(c)))) = (&self.0, c.into()) {
            let _ = e.append_child(&c);
        }
        self
    }

    /// Appends every child.
    pub fn kids(self, cs: impl IntoIterator<Item = El>) -> El {
        cs.into_iter().fold(self, El::child)
    }

    /// An input's `value` and `checked` properties (as Yew sets them: properties, not attributes).
    #[inline(never)]
    pub fn input(self, value: &str, checked: bool) -> El {
        if let Some(i) = self.0.as_ref().and_then(|e| e.dyn_ref::<HtmlInputElement>()) {
            i.set_value(value);
            i.set_checked(checked);
        }
        self
    }

    /// Keeps a handle on the element in `slot` and goes on building.
    pub fn keep(self, slot: &mut Option<Element>) -> El {
        slot.clone_from(&self.0);
        self
    }
}

/// Removes `e` from the page, if it is there.
pub fn remove(e: &Option<Element>) {
    if let Some((e, p)) = e.as_ref().and_then(|e| Some((e, e.parent_node()?))) {
        let _ = p.remove_child(e);
    }
}

/// Replaces `old` with `new` where `old` is (or appends `new` to `parent` before `before`, when
/// there was no `old`); returns `new`.
pub fn swap(
    parent: &Element,
    old: &Option<Element>,
    new: El,
    before: &Option<Element>,
) -> Option<Element> {
    let new = new.0;
    // Where `old` is, or else before `before`; then `old` goes.
    let at = if old.as_ref().is_some_and(|o| parent.contains(Some(o))) { old } else { before };
    if let Some(n) = &new {
        let _ = parent.insert_before(n, at.as_ref().map(|b| b.as_ref()));
    }
    remove(old);
    new
}
