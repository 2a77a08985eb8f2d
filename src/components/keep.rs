//! Keeping work when the same assessment is in two places (docs/RELIABILITY.md §Lost work): the
//! notice of a tab whose assessment another tab or window changed, and the question asked when a
//! file of a saved assessment differs from the saved version. The decisions are the core's
//! (`patuh_core::keep`); this is their wording and buttons.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use patuh_core::dates::format_clock;
use patuh_core::keep::{self, Newer};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::i18n::t;
use crate::state::{use_app, Action, AppContext, Notice, OpenChoice, SaveStatus};

/// Listens to the `storage` event, so a tab learns at once when another tab or window saved the
/// assessment it shows (it stops saving and says so: [`ConflictNotice`]), and takes the SKM
/// figures typed elsewhere.
#[hook]
pub fn use_other_tabs(latest: Rc<RefCell<AppContext>>) {
    use_effect_with((), move |_| {
        let l = EventListener::new(&gloo::utils::window(), "storage", move |e| {
            let Some((key, text)) = browser::storage_change(e) else { return };
            let app = latest.borrow().clone();
            if key == browser::SKM_KEY {
                if let Some((c, s)) = browser::skm_kept() {
                    app.dispatch(Action::Skm(c));
                    app.dispatch(Action::SkmSubject(s));
                }
                return;
            }
            let (Some(doc), Some(text)) = (&app.doc, text) else { return };
            if key == browser::doc_key(&doc.id) && browser::written_elsewhere(doc, &text) {
                app.dispatch(Action::Saved(SaveStatus::Conflict));
            }
        });
        move || drop(l)
    });
}

/// "Changed in another tab": this tab no longer saves; load the latest version, or keep this
/// tab's answers as a separate copy.
#[component]
pub fn ConflictNotice() -> Html {
    let app = use_app();
    let tx = t(app.lang);
    let reload = {
        let app = app.clone();
        Callback::from(move |_| {
            let Some(id) = app.doc.as_ref().map(|d| d.id.clone()) else { return };
            let app = app.clone();
            spawn_local(async move {
                let info = |m: &str| Action::Notice(Some(Notice::Info(m.to_string())));
                match browser::load(&id).await {
                    Ok(Some(a)) => {
                        let at = browser::position::load(&id).unwrap_or_default();
                        app.dispatch(Action::Reopen(Box::new(a), at));
                        app.dispatch(info(t(app.lang).reloaded_latest));
                    }
                    // Deleted in the other tab: this tab's answers may be saved again.
                    Ok(None) => app.dispatch(Action::Saved(SaveStatus::Idle)),
                    Err(_) => app.dispatch(Action::Notice(Some(Notice::Corrupt {
                        key: browser::doc_key(&id),
                    }))),
                }
            });
        })
    };
    let copy = {
        let app = app.clone();
        Callback::from(move |_| {
            let Some(doc) = &app.doc else { return };
            let c = keep::copy_of(doc, &browser::new_id());
            let msg = (t(app.lang).kept_copy)(&c.opd);
            let (place, step, view) = (app.place, app.step, app.view);
            app.dispatch(Action::Begin(Box::new(c)));
            app.dispatch(Action::Goto { place, step, indicator: None });
            app.dispatch(Action::Show(view));
            app.dispatch(Action::Notice(Some(Notice::Info(msg))));
        })
    };
    html! {
        <div class="patuh-notice patuh-notice--error patuh-notice--stuck" role="alert" id="patuh-conflict">
            <p>{ tx.conflict }</p>
            <div class="patuh-row">
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-conflict-reload" onclick={reload}>{ tx.conflict_reload }</button>
                <button type="button" class="patuh-btn" id="patuh-conflict-copy" onclick={copy}>{ tx.conflict_copy }</button>
            </div>
        </div>
    }
}

/// Props of [`OpenChoiceView`].
#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The opened file and the saved version it differs from.
    pub choice: OpenChoice,
}

/// An opened file differs from the saved version of the same assessment: open it as a separate
/// copy (the default, focused) or replace the saved one, with which is newer and both dates.
#[component]
pub fn OpenChoiceView(props: &ChoiceProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let tx = t(lang);
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(b) = first.cast::<web_sys::HtmlElement>() {
                browser::focus(&b);
            }
        });
    }
    let c = &props.choice;
    let open = |replace: bool| {
        let (app, c) = (app.clone(), c.clone());
        Callback::from(move |_| {
            let tx = t(app.lang);
            let a = if replace {
                c.file.assessment.clone()
            } else {
                keep::copy_of(&c.file.assessment, &browser::new_id())
            };
            let msg = match (c.photos_lost, replace) {
                (true, _) => tx.photos_not_stored.to_string(),
                (false, true) => tx.replaced_saved.to_string(),
                (false, false) => (tx.opened_as_copy)(&a.opd),
            };
            app.dispatch(Action::Choose(None));
            app.dispatch(Action::Begin(Box::new(a)));
            app.dispatch(Action::Notice(Some(Notice::Info(msg))));
        })
    };
    let cancel = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Choose(None)))
    };
    // On this device's clock, as the saved list writes it (docs/FORMAT.md §Dates and names for a
    // reader); a time that is no date is shown as stored.
    let when = |at: &str| match browser::local_iso(at).and_then(|l| format_clock(&l, lang)) {
        Some(s) => s,
        None if at.trim().is_empty() => tx.no_date.to_string(),
        None => at.to_string(),
    };
    let newer = match c.newer {
        Newer::File => tx.file_newer,
        Newer::Saved => tx.file_older,
        Newer::Unknown => tx.newer_unknown,
    };
    html! {
        <div class="patuh-notice" role="alert" id="patuh-open-choice">
            <p><strong>{ tx.open_differs }</strong>{ " " }{ newer }</p>
            <p>{ (tx.open_dates)(&when(&c.file.saved_at), &when(&c.saved_at)) }</p>
            <p>{ tx.open_choice_hint }</p>
            <div class="patuh-row">
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-open-copy" ref={first} onclick={open(false)}>{ tx.open_as_copy }</button>
                <button type="button" class="patuh-btn" id="patuh-open-replace" onclick={open(true)}>{ tx.replace_saved }</button>
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={cancel}>{ tx.cancel }</button>
            </div>
        </div>
    }
}
