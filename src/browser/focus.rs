//! Where the focus and the eye go after a move: the indicator "what to fix" leads to, and the name
//! field of a unit or product just added.

use wasm_bindgen::JsCast;

/// Scrolls the element `id` into view and outlines it (`data-target`, an attribute Yew does not
/// manage), one at a time: the indicator "what to fix" leads to.
pub fn show_target(id: &str) {
    let doc = gloo::utils::document();
    if let Ok(Some(old)) = doc.query_selector("[data-target]") {
        let _ = old.remove_attribute("data-target");
    }
    if let Some(el) = doc.get_element_by_id(id) {
        el.scroll_into_view();
        let _ = el.set_attribute("data-target", "");
    }
}

/// After the list `list` has rendered its new last item: its first text field gets the focus, with
/// its text selected (a new unit's or product's placeholder name, replaced by typing).
pub fn focus_last_field(list: &str) {
    let list = list.to_string();
    gloo::timers::callback::Timeout::new(0, move || {
        let field = gloo::utils::document()
            .get_element_by_id(&list)
            .and_then(|l| l.last_element_child())
            .and_then(|li| li.query_selector("input").ok().flatten())
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(i) = field {
            let _ = i.focus();
            i.select();
        }
    })
    .forget();
}
