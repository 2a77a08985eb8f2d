//! The page frame of the first load in plain DOM: header with the language switch, the "new
//! version" prompt, the notices, the main area and the footer. It gives the same markup as the
//! app's frame (`components::frame::Frame`, Yew), so nothing moves when the first load hands over
//! (docs/PERFORMANCE.md "The first load without Yew"; `tests/e2e/e2e.mjs` compares the two).

use gloo::events::EventListener;
use patuh_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::dom::{button, el, El};
use crate::embed;
use crate::i18n::{t, Texts};
use crate::state::Notice;

/// A text of the frame: which field of [`Texts`].
type Text = fn(&Texts) -> &'static str;

/// The frame's elements and listeners (dropped with it: the hand-over).
pub struct Frame {
    /// `div.patuh#patuh-app`, the frame's root.
    pub app: Element,
    /// The main area, where the screen goes.
    pub main: Element,
    /// Elements whose whole text is one of the frame's texts.
    texts: Vec<(Element, Text)>,
    switch: Option<Element>,
    update: Option<Element>,
    updating: bool,
    /// The reload button's listener (replaced with the button on a language switch).
    reload: Option<EventListener>,
    notices: Vec<Element>,
    _listeners: Vec<EventListener>,
    notice_listeners: Vec<EventListener>,
    _observed: Option<embed::Observed>,
}

impl Frame {
    /// The frame at the end of `parent`, in `lang`; `on_lang` gets the language the user chose.
    /// `None` if the browser cannot create its elements.
    pub fn new(parent: &Element, lang: Lang, on_lang: fn(Lang)) -> Option<Frame> {
        let mut texts: Vec<(Option<Element>, Text)> = Vec::new();
        let mut text = |tag: &str, class: &str, f: Text| {
            let mut slot = None;
            let e = if class.is_empty() { el(tag) } else { el(tag).class(class) };
            let e = e.keep(&mut slot);
            texts.push((slot, f));
            e
        };
        let skip = text("a", "patuh-skip", |t| t.skip_to_main).attr("href", "#patuh-main");
        let title = text("p", "patuh-header__title", |t| t.app_title);
        let subtitle = text("p", "patuh-header__subtitle", |t| t.app_subtitle);
        let footer = text("p", "", |t| t.privacy);
        let (mut switch, mut update, mut main) = (None, None, None);
        let brand = el("div")
            .class("patuh-header__brand")
            .child(el("span").class("patuh-header__logo").attr("aria-hidden", "true").text("✓"))
            .child(el("div").child(title).child(subtitle));
        let tools = el("div")
            .class("patuh-header__tools")
            .child(el("p").class("patuh-status").attr("role", "status").attr("aria-live", "polite"))
            .child(button("patuh-btn patuh-btn--ghost", "").keep(&mut switch));
        let class = if embed::config().embedded() { "patuh patuh--embedded" } else { "patuh" };
        let app = el("div")
            .class(class)
            .id("patuh-app")
            .child(skip)
            .child(el("header").class("patuh-header").child(brand).child(tools))
            .child(
                el("div")
                    .class("patuh-update")
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .keep(&mut update),
            )
            .child(
                el("main")
                    .id("patuh-main")
                    .class("patuh-main")
                    .attr("tabindex", "-1")
                    .keep(&mut main),
            )
            .child(el("footer").class("patuh-footer").child(footer))
            .0?;
        let _ = parent.append_child(&app);
        let texts = texts.into_iter().filter_map(|(e, f)| Some((e?, f))).collect();
        let observed = app.dyn_ref::<web_sys::HtmlElement>().and_then(embed::attach_root);
        let mut listeners = Vec::new();
        if let Some(b) = &switch {
            listeners.push(EventListener::new(b, "click", move |_| {
                let now = super::lang();
                on_lang(if now == Lang::Id { Lang::En } else { Lang::Id })
            }));
        }
        let mut frame = Frame {
            app,
            main: main?,
            texts,
            switch,
            update,
            updating: false,
            reload: None,
            notices: Vec::new(),
            _listeners: listeners,
            notice_listeners: Vec::new(),
            _observed: observed,
        };
        frame.set_lang(lang);
        Some(frame)
    }

    /// Every text of the frame in `lang`, set on our root only (never on the host's `<html>`).
    pub fn set_lang(&mut self, lang: Lang) {
        let tx = t(lang);
        let _ = self.app.set_attribute("lang", lang.code());
        for (e, f) in &self.texts {
            e.set_text_content(Some(f(tx)));
        }
        if let Some(b) = &self.switch {
            let _ = b.set_attribute("lang", if lang == Lang::Id { "en" } else { "id" });
            let _ = b.set_attribute("aria-label", tx.switch_lang_label);
            b.set_text_content(Some(tx.switch_lang));
        }
        if self.updating {
            self.show_update(lang);
        }
    }

    /// A new release is waiting: "Versi baru tersedia" with its reload button.
    pub fn show_update(&mut self, lang: Lang) {
        let tx = t(lang);
        self.updating = true;
        let Some(u) = &self.update else { return };
        u.set_text_content(None);
        let mut reload = None;
        let prompt = el("p").text(tx.update_available);
        let b = button("patuh-btn patuh-btn--primary", tx.update_reload)
            .id("patuh-reload")
            .keep(&mut reload);
        for e in [prompt, b].into_iter().filter_map(|e| e.0) {
            let _ = u.append_child(&e);
        }
        self.reload = reload.map(|r| EventListener::new(&r, "click", |_| embed::apply_update()));
    }

    /// Shows `notice` (or none) above the main area: a damaged save in storage (with the
    /// "download the damaged copy" rescue), or the app module that did not load; `on_dismiss`
    /// when the user dismisses it.
    pub fn show_notice(&mut self, lang: Lang, notice: Option<&Notice>, on_dismiss: fn()) {
        let tx = t(lang);
        for n in self.notices.drain(..) {
            crate::dom::remove(&Some(n));
        }
        self.notice_listeners.clear();
        let (mut dismiss, mut rescue) = (None, None);
        let dismiss_btn = || button("patuh-btn patuh-btn--ghost", tx.dismiss);
        let box_of = |err: bool| {
            let n = el("div").class(if err {
                "patuh-notice patuh-notice--error"
            } else {
                "patuh-notice"
            });
            n.attr("role", if err { "alert" } else { "status" })
        };
        let shown: El = match notice {
            Some(Notice::Corrupt { key }) => {
                let key = key.clone();
                let b = button("patuh-btn", tx.download_damaged).keep(&mut rescue);
                if let Some(b) = &rescue {
                    self.notice_listeners.push(EventListener::new(b, "click", move |_| {
                        if let Some(raw) = crate::browser::raw(&key) {
                            crate::browser::download(
                                "patuh-simpanan-rusak.json",
                                "application/json",
                                &raw,
                            );
                        }
                    }));
                }
                let row =
                    el("div").class("patuh-row").child(b).child(dismiss_btn().keep(&mut dismiss));
                box_of(true).child(el("p").text(tx.corrupt_save)).child(row)
            }
            Some(n @ (Notice::FileError(msg) | Notice::Info(msg))) => {
                let err = matches!(n, Notice::FileError(_));
                box_of(err).child(el("p").text(msg)).child(dismiss_btn().keep(&mut dismiss))
            }
            Some(Notice::StorageRefused) => box_of(true)
                .child(el("p").text(tx.storage_refused))
                .child(dismiss_btn().keep(&mut dismiss)),
            _ => El(None),
        };
        if let Some(d) = &dismiss {
            self.notice_listeners.push(EventListener::new(d, "click", move |_| on_dismiss()));
        }
        if let Some(n) = shown.0 {
            let _ = self.app.insert_before(&n, Some(&self.main));
            self.notices.push(n);
        }
    }
}
