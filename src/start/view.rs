//! The start screen ([`StartView`]): continue the last assessment, a new assessment (the names
//! first, then the round), the saved list and the other tools, in plain DOM. It only shows the
//! screen and says what the user asked for (an [`Intent`]); the first load (`crate::start`) and the
//! app's start screen (`components::home::Home`) both host it, so it is written once
//! (docs/PERFORMANCE.md "The first load without Yew"). It uses the start screen's texts only
//! (`i18n::Texts`).
//!
//! What the user types and chooses is kept here and the screen is changed in place (a field's
//! hint and error, the chosen round), so focus and typing are never disturbed; only a language
//! switch rebuilds the whole screen, with what was typed.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use patuh_core::{instrument, Lang};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::fields::{name_field, update_field, Field, FIELDS};
use super::parts::{self, Act, Acts};
use crate::components::handoff::Intent;
use crate::dom::{self, el, El};
use crate::i18n::{t, Texts};
use crate::state::Summary;

/// What the screen starts with.
pub struct Shown {
    /// The interface language.
    pub lang: Lang,
    /// The saved assessments, newest first.
    pub library: Rc<Vec<Summary>>,
    /// An intent is being carried out (a second click must not start twice).
    pub busy: bool,
    /// The intent being carried out when this screen appeared (a hand-over): its names fill the
    /// form, so nothing typed is lost if it fails.
    pub prefill: Option<Intent>,
}

/// The screen's state and the elements changed in place.
struct St {
    lang: Lang,
    library: Rc<Vec<Summary>>,
    busy: bool,
    /// The chosen instrument.
    choice: String,
    names: [String; 3],
    /// A start was tried (the empty fields then say "Wajib diisi.").
    tried: bool,
    /// The id whose deletion awaits confirmation ("" when none).
    confirm: String,
    acts: Acts,
    fields: [Field; 3],
    rounds: Vec<(String, Option<Element>)>,
    resume: Option<Element>,
    new_card: Option<Element>,
    saved: Option<Element>,
    tools: Option<Element>,
}

struct Inner {
    root: Element,
    st: RefCell<St>,
    on: Box<dyn Fn(Intent)>,
    on_delete: Box<dyn Fn(String)>,
    listeners: RefCell<Vec<EventListener>>,
}

/// The start screen, shown in an element of its host for as long as this value lives.
pub struct StartView(Rc<Inner>);

impl StartView {
    /// Shows the start screen at the end of `parent`. `on` gets what the user asked for (the
    /// screen is busy from then on until [`StartView::set_busy`] says otherwise); `on_delete` a
    /// confirmed deletion. `None` if the browser cannot create the screen's root element.
    pub fn new(
        parent: &Element,
        shown: Shown,
        on: impl Fn(Intent) + 'static,
        on_delete: impl Fn(String) + 'static,
    ) -> Option<StartView> {
        let root = el("div").class("patuh-home").0?;
        let _ = parent.append_child(&root);
        // Pre-filled from the URL parameters or the host's data-* attributes (src/embed.rs), or
        // with a hand-over's names first (nothing typed is lost).
        let cfg = crate::embed::config();
        let typed = match shown.prefill {
            Some(Intent::New { instrument, opd, unit, product }) => {
                [instrument, opd, unit, product]
            }
            _ => [cfg.instrument, cfg.opd, cfg.unit, cfg.product].map(Option::unwrap_or_default),
        };
        let [choice, opd, unit, product] = typed;
        // The current round (the catalogue's last entry), with its provisional notice.
        let choice = Some(choice)
            .filter(|c| !c.is_empty())
            .or_else(|| instrument::catalogue().last().map(|i| i.id.clone()))
            .unwrap_or_default();
        let st = St {
            lang: shown.lang,
            library: shown.library,
            busy: shown.busy,
            choice,
            names: [opd, unit, product],
            tried: false,
            confirm: String::new(),
            acts: Vec::new(),
            fields: Default::default(),
            rounds: Vec::new(),
            resume: None,
            new_card: None,
            saved: None,
            tools: None,
        };
        let inner = Rc::new(Inner {
            root,
            st: RefCell::new(st),
            on: Box::new(on),
            on_delete: Box::new(on_delete),
            listeners: RefCell::new(Vec::new()),
        });
        inner.build();
        listen(&inner);
        Some(StartView(inner))
    }

    /// Switches the language (the whole screen again, with what was typed).
    pub fn set_lang(&self, lang: Lang) {
        let changed = {
            let mut st = self.0.st.borrow_mut();
            std::mem::replace(&mut st.lang, lang) != lang
        };
        if changed {
            self.0.build();
        }
    }

    /// Shows another saved list (the resume card and the list again).
    pub fn set_library(&self, library: Rc<Vec<Summary>>) {
        let changed = {
            let mut st = self.0.st.borrow_mut();
            let changed = *st.library != *library;
            st.library = library;
            changed
        };
        if changed {
            self.0.lists();
        }
    }

    /// Busy while what the user asked for loads (the app module, an instrument file): the
    /// primary buttons show a spinner (styles/patuh.css).
    pub fn set_busy(&self, busy: bool) {
        self.0.st.borrow_mut().busy = busy;
        let _ = self.0.root.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
}

impl Inner {
    /// Builds the whole screen, keeping the legal text unfolded and the focus where they were.
    fn build(&self) {
        let doc = gloo::utils::document();
        let focused = doc.active_element().map(|e| e.id()).filter(|id| !id.is_empty());
        let unfolded =
            doc.get_element_by_id("patuh-about").is_some_and(|d| d.get_attribute("open").is_some());
        // Emptied before the state is borrowed: removing a focused field may fire its events.
        self.root.set_text_content(None);
        {
            let mut st = self.st.borrow_mut();
            let st = &mut *st;
            let tx = t(st.lang);
            st.acts.clear();
            st.rounds.clear();
            st.resume = None;
            st.saved = None;
            let new_card = new_card(tx, st);
            let tools = parts::tools(tx, &mut st.acts);
            let root = &self.root;
            let _ = root.set_attribute("aria-busy", if st.busy { "true" } else { "false" });
            let card = dom::swap(root, &None, new_card, &None);
            if unfolded {
                if let Some(d) = doc.get_element_by_id("patuh-about") {
                    let _ = d.set_attribute("open", "");
                }
            }
            st.tools = dom::swap(root, &None, tools, &None);
            st.new_card = card;
        }
        self.lists();
        // A language switch while typing (an embedding page's message) keeps the field focused.
        let inside = focused
            .and_then(|id| doc.get_element_by_id(&id))
            .filter(|e| self.root.contains(Some(e)));
        if let Some(e) = inside {
            if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                let _ = e.focus();
            }
        }
    }

    /// The resume card (before the new-assessment card) and the saved list (before the tools).
    fn lists(&self) {
        let mut st = self.st.borrow_mut();
        let st = &mut *st;
        let tx = t(st.lang);
        let root = &self.root;
        let resume = parts::resume_card(tx, &st.library, &mut st.acts);
        st.resume = dom::swap(root, &st.resume, resume, &st.new_card);
        let saved = parts::saved_list(tx, &st.library, &st.confirm, &mut st.acts);
        st.saved = dom::swap(root, &st.saved, saved, &st.tools);
        // The buttons that went with the old parts.
        st.acts.retain(|(e, _)| root.contains(Some(e)));
    }

    /// Says what the user asked for, unless something is already being carried out.
    fn ask(&self, i: Intent) {
        {
            let mut st = self.st.borrow_mut();
            if st.busy {
                return;
            }
            st.busy = true;
        }
        let _ = self.root.set_attribute("aria-busy", "true");
        (self.on)(i);
    }

    fn act(&self, a: Act) {
        let deleted = match a {
            Act::Ask(i) => return self.ask(i),
            Act::Confirm(id) => {
                self.st.borrow_mut().confirm = id;
                None
            }
            Act::Keep => {
                self.st.borrow_mut().confirm.clear();
                None
            }
            Act::Delete(id) => {
                self.st.borrow_mut().confirm.clear();
                Some(id)
            }
        };
        self.lists();
        if let Some(id) = deleted {
            (self.on_delete)(id);
        }
    }

    /// "Mulai": the names are required; with all three, a new assessment is asked for.
    fn submit(&self) {
        let intent = {
            let mut st = self.st.borrow_mut();
            let st = &mut *st;
            st.tried = true;
            for i in 0..3 {
                update_field(t(st.lang), i, &mut st.fields[i], &st.names[i], true);
            }
            let names = st.names.clone().map(|s| s.trim().to_string());
            if names.iter().any(String::is_empty) {
                return;
            }
            let [opd, unit, product] = names;
            Intent::New { instrument: st.choice.clone(), opd, unit, product }
        };
        self.ask(intent);
    }

    /// A name typed (`input`), a round or a file chosen (`change`).
    fn changed(&self, input: &HtmlInputElement, change: bool) {
        let id = input.id();
        if change && input.name() == "patuh-instrument" {
            let mut st = self.st.borrow_mut();
            let st = &mut *st;
            st.choice = input.value();
            parts::mark_round(&st.rounds, &st.choice);
            let hint = st
                .new_card
                .as_ref()
                .and_then(|c| c.query_selector("#patuh-ins-hint").ok().flatten());
            let fieldset =
                st.new_card.as_ref().and_then(|c| c.query_selector("fieldset").ok().flatten());
            if let Some(f) = fieldset {
                dom::swap(&f, &hint, parts::round_hint(t(st.lang), &st.choice), &None);
            }
        } else if change && id == "patuh-open-file" {
            let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
            input.set_value("");
            self.ask(Intent::File(Some(f)));
        } else if let Some(i) = FIELDS.iter().position(|f| f[0] == id).filter(|_| !change) {
            let mut st = self.st.borrow_mut();
            let st = &mut *st;
            st.names[i] = input.value();
            update_field(t(st.lang), i, &mut st.fields[i], &st.names[i], st.tried);
        }
    }
}

/// The new-assessment card: the three names, the rounds, "Mulai", the storage warning and the
/// folded legal text.
fn new_card(tx: &Texts, st: &mut St) -> El {
    let fields: Vec<El> =
        (0..3).map(|i| name_field(tx, i, &mut st.fields[i], &st.names[i], st.tried)).collect();
    let form = el("form")
        .attr("novalidate", "novalidate")
        .kids(fields)
        .child(parts::rounds(tx, &st.choice, &mut st.rounds))
        .child(
            el("button")
                .attr("type", "submit")
                .class("patuh-btn patuh-btn--primary")
                .id("patuh-start")
                .text(tx.start),
        );
    el("section")
        .class("patuh-card")
        .attr("aria-labelledby", "patuh-new-h")
        .child(el("h1").id("patuh-new-h").text(tx.new_assessment))
        .child(form)
        .child(el("p").class("patuh-muted").text(tx.storage_warning))
        .child(parts::about(tx))
}

/// Listens once on the screen's root: clicks on the registered buttons, and (in the capture phase,
/// so events that do not bubble are seen too) typing, choosing and submitting.
fn listen(inner: &Rc<Inner>) {
    let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
    let on = |kind: &'static str, f: fn(&Inner, &web_sys::Event)| {
        let weak: Weak<Inner> = Rc::downgrade(inner);
        EventListener::new_with_options(&inner.root, kind, capture, move |e| {
            if let Some(inner) = weak.upgrade() {
                f(&inner, e)
            }
        })
    };
    let listeners = vec![
        on("click", |inner, e| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
                return;
            };
            let a = inner
                .st
                .borrow()
                .acts
                .iter()
                .find(|(b, _)| b.contains(Some(&target)))
                .map(|(_, a)| a.clone());
            if let Some(a) = a {
                inner.act(a);
            }
        }),
        on("submit", |inner, e| {
            e.prevent_default();
            inner.submit();
        }),
        on("input", changed),
        on("change", changed),
    ];
    *inner.listeners.borrow_mut() = listeners;
}

fn changed(inner: &Inner, e: &web_sys::Event) {
    if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
        inner.changed(&input, e.type_() == "change");
    }
}
