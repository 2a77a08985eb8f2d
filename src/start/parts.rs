//! The parts of the start screen, built as plain DOM (`crate::dom`): the "continue" card, the name
//! fields, the rounds, the folded legal text, the saved list and the other tools. Each part that
//! the user can press registers its buttons with what they do ([`Act`]); `super::view` listens
//! once on the screen's root and looks the pressed button up.

use patuh_core::{instrument, Lang};
use web_sys::Element;

use crate::browser;
use crate::components::handoff::Intent;
use crate::dom::{button, el, El};
use crate::i18n::Texts;
use crate::state::{Summary, View};

/// What a button of the start screen does.
#[derive(Clone)]
pub enum Act {
    /// Says what the user asked for.
    Ask(Intent),
    /// Asks to confirm deleting this saved assessment.
    Confirm(String),
    /// Deletes it (confirmed).
    Delete(String),
    /// Does not delete it.
    Keep,
}

/// The buttons of the screen and what they do.
pub type Acts = Vec<(Element, Act)>;

fn act(acts: &mut Acts, b: El, a: Act) -> El {
    if let Some(e) = &b.0 {
        acts.push((e.clone(), a));
    }
    b
}

/// An instrument by its name and rounds, as the official knows it (an unknown id as it is).
fn instrument_name(lang: Lang, id: &str) -> String {
    match instrument::listing(id) {
        Some(l) => format!("{} ({})", l.title.get(lang), l.years),
        None => id.to_string(),
    }
}

/// "Penilaian terakhir": the last assessment worked on, if it is still saved (finished or not:
/// the start screen does not load the assessment to know, so the words are true either way).
pub fn resume_card(tx: &Texts, library: &[Summary], acts: &mut Acts) -> El {
    let last = browser::last_id();
    let Some(s) = library.iter().find(|s| Some(&s.id) == last.as_ref()) else {
        return El(None);
    };
    let go = button("patuh-btn patuh-btn--primary", tx.continue_btn).id("patuh-continue");
    el("section")
        .class("patuh-card patuh-card--accent")
        .attr("aria-labelledby", "patuh-resume-h")
        .child(el("h2").id("patuh-resume-h").text(tx.continue_last))
        .child(
            el("p")
                .child(el("strong").text(&s.opd))
                .text(" · ")
                .text(&instrument_name(tx.lang, &s.instrument)),
        )
        .child(act(acts, go, Act::Ask(Intent::Open(s.id.clone()))))
}

/// When a saved assessment was last saved, in the browser's local time (the time on the official's
/// own clock), written as the reports write dates ("3 Desember 2026, 13.43"); as stored when the
/// browser cannot read it.
fn saved_when(saved_at: &str, lang: Lang) -> String {
    browser::local_iso(saved_at)
        .and_then(|local| patuh_core::dates::format_clock(&local, lang))
        .unwrap_or_else(|| saved_at.to_string())
}

/// The saved assessments, each with open, duplicate and delete (deleting asks first: `confirm` is
/// the id awaiting confirmation); nothing when there are none.
pub fn saved_list(tx: &Texts, library: &[Summary], confirm: &str, acts: &mut Acts) -> El {
    if library.is_empty() {
        return El(None);
    }
    let lang = tx.lang;
    let rows = library.iter().map(|s| {
        let id = &s.id;
        let what = format!(
            " · {} · {}",
            instrument_name(lang, &s.instrument),
            saved_when(&s.saved_at, lang)
        );
        let tools = if *confirm == *id {
            el("div")
                .class("patuh-confirm")
                .attr("role", "group")
                .attr("aria-label", tx.delete)
                .child(el("p").text(tx.confirm_delete))
                .child(act(
                    acts,
                    button("patuh-btn patuh-btn--danger", tx.delete),
                    Act::Delete(id.clone()),
                ))
                .child(act(acts, button("patuh-btn patuh-btn--ghost", tx.cancel), Act::Keep))
        } else {
            let open = Act::Ask(Intent::Open(id.clone()));
            let copy = Act::Ask(Intent::Duplicate(id.clone()));
            el("div")
                .class("patuh-row")
                .child(act(acts, button("patuh-btn", tx.open), open))
                .child(act(acts, button("patuh-btn patuh-btn--ghost", tx.duplicate), copy))
                .child(act(
                    acts,
                    button("patuh-btn patuh-btn--ghost", tx.delete),
                    Act::Confirm(id.clone()),
                ))
        };
        el("li")
            .class("patuh-saved__item")
            .child(
                el("div")
                    .child(el("strong").text(&s.opd))
                    .child(el("span").class("patuh-muted").text(&what)),
            )
            .child(tools)
    });
    let rows: Vec<El> = rows.collect();
    el("section")
        .class("patuh-card")
        .attr("aria-labelledby", "patuh-saved-h")
        .child(el("h2").id("patuh-saved-h").text(tx.saved_list))
        .child(el("ul").class("patuh-saved").kids(rows))
}

/// The rounds as a compact row of choices, the current one first, so on a phone the form fits
/// about one screen; the chosen instrument is named and explained under it ([`round_hint`]).
/// `labels` gets each choice's label, to mark the chosen one without rebuilding ([`mark_round`]).
pub fn rounds(tx: &Texts, choice: &str, labels: &mut Vec<(String, Option<Element>)>) -> El {
    let lang = tx.lang;
    let cards = instrument::catalogue().iter().rev().map(|ins| {
        let input_id = format!("patuh-ins-{}", ins.id);
        let radio = el("input")
            .attr("type", "radio")
            .attr("name", "patuh-instrument")
            .id(&input_id)
            .attr("value", &ins.id)
            .input(&ins.id, choice == ins.id);
        let mut label = None;
        let card = el("label")
            .keep(&mut label)
            .class(choice_class(choice == ins.id))
            .attr("for", &input_id)
            .child(radio)
            .text(&ins.years)
            .child(el("span").class("patuh-sr").text(ins.title.get(lang)));
        labels.push((ins.id.clone(), label));
        card
    });
    let cards: Vec<El> = cards.collect();
    el("fieldset")
        .class("patuh-choices")
        .attr("aria-describedby", "patuh-ins-hint")
        .child(el("legend").text(tx.choose_instrument))
        .kids(cards)
        .child(round_hint(tx, choice))
}

fn choice_class(on: bool) -> &'static str {
    if on {
        "patuh-choice patuh-choice--on"
    } else {
        "patuh-choice"
    }
}

/// Marks the chosen round's label.
pub fn mark_round(labels: &[(String, Option<Element>)], choice: &str) {
    for (id, label) in labels {
        if let Some(l) = label {
            let _ = l.set_attribute("class", choice_class(id == choice));
        }
    }
}

/// The chosen instrument, named and explained (with its provisional notice); nothing for an
/// unknown id.
pub fn round_hint(tx: &Texts, choice: &str) -> El {
    let lang = tx.lang;
    let Some(ins) = instrument::catalogue().iter().find(|i| i.id == choice) else {
        return El(None);
    };
    let hint = el("p")
        .class("patuh-hint")
        .id("patuh-ins-hint")
        .child(el("strong").text(ins.title.get(lang)))
        .text(". ")
        .text(ins.purpose.get(lang));
    if ins.provisional {
        hint.text(" ").child(el("span").class("patuh-flag").text(tx.provisional_instrument))
    } else {
        hint
    }
}

/// What each instrument is and its legal basis: folded under the form.
pub fn about(tx: &Texts) -> El {
    let lang = tx.lang;
    let mut list = el("dl");
    for ins in instrument::catalogue() {
        list = list
            .child(el("dt").text(&format!("{} ({})", ins.title.get(lang), ins.years)))
            .child(el("dd").text(ins.purpose.get(lang)).text(" ").text(ins.summary.get(lang)))
            .child(el("dd").text(&format!("{}: {}", tx.legal_basis, ins.legal_basis.get(lang))));
    }
    el("details")
        .class("patuh-about")
        .id("patuh-about")
        .child(el("summary").text(tx.about_instruments))
        .child(list)
}

/// Open a file, the pemda recap and the SKM calculator (the file input is read by `super::view`'s
/// change listener).
pub fn tools(tx: &Texts, acts: &mut Acts) -> El {
    let file = el("input")
        .class("patuh-sr")
        .id("patuh-open-file")
        .attr("type", "file")
        .attr("accept", ".json,.html,.htm,.zip,application/json,text/html,application/zip");
    let recap = button("patuh-btn", tx.open_recap).id("patuh-open-recap");
    let skm = button("patuh-btn", tx.skm_calculator).id("patuh-open-skm");
    el("section")
        .class("patuh-card patuh-home__tools")
        .attr("aria-label", tx.other_tools)
        .child(
            el("label")
                .class("patuh-btn patuh-file")
                .attr("for", "patuh-open-file")
                .text(tx.open_file)
                .child(file),
        )
        .child(act(acts, recap, Act::Ask(Intent::Show(View::Recap))))
        .child(act(acts, skm, Act::Ask(Intent::Show(View::Skm))))
}
