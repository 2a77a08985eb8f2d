//! Mounts patuh into `#patuh-root` (or `<body>` when the host page has no such element).

fn main() {
    let root = gloo::utils::document().get_element_by_id("patuh-root");
    match root {
        Some(el) => yew::Renderer::<patuh::App>::with_root(el).render(),
        None => yew::Renderer::<patuh::App>::new().render(),
    };
}
