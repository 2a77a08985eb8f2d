//! The count grid of the SKM calculator: one row per unsur, one box per answer value 1–4, the
//! NRR of the core's view; a refused box keeps what was typed, with the core's message in the row
//! under it (docs/SKM.md §Input).

use patuh_core::instrument::Lang;
use patuh_core::skm::{answer_label, parse_count, three_decimals, SkmView, N_UNSUR, UNSUR};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{Grid, GridAction};
use crate::i18n::t;

/// The id of the message under a refused box.
fn error_id(u: usize, v: usize) -> String {
    format!("patuh-skm-{u}-{v}-error")
}

/// The box for unsur `u`, value `v` + 1: the tally, or the refused text while it is refused.
fn cell(grid: &UseReducerHandle<Grid>, u: usize, v: usize, lang: Lang) -> Html {
    let refused = grid.refused[u][v].clone();
    let value = refused.clone().unwrap_or_else(|| grid.counts[u][v].to_string());
    let dispatch = grid.dispatcher();
    let id = format!("patuh-skm-{u}-{v}");
    let oninput = Callback::from(move |e: InputEvent| {
        let raw = e.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.dispatch(GridAction::Typed(u, v, raw));
    });
    let meaning = answer_label(v + 1, lang).unwrap_or_default();
    let label = format!("{} — {} {} ({meaning})", UNSUR[u].name(lang), t(lang).skm_value, v + 1);
    // On a phone the value and its meaning stand above the box, on two short lines.
    html! {
        <td data-label={format!("{}\n{meaning}", v + 1)}>
            <label class="patuh-sr" for={id.clone()}>{ label }</label>
            <input {id} class="patuh-num" type="text" inputmode="numeric" autocomplete="off" {value} {oninput}
                aria-invalid={refused.is_some().then_some("true")}
                aria-describedby={refused.is_some().then(|| error_id(u, v))} />
        </td>
    }
}

/// "nilai" → "Nilai", to begin a sentence.
fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The messages of the refused boxes of unsur `u`, in a row under its boxes.
fn errors(grid: &Grid, u: usize, lang: Lang) -> Html {
    let messages: Vec<Html> = (0..4)
        .filter_map(|v| {
            let typed = grid.refused[u][v].as_deref()?;
            let why = parse_count(typed).err()?.message(lang, grid.counts[u][v]);
            let text = format!("{} {}: {why}", capitalised(t(lang).skm_value), v + 1);
            Some(html! { <p class="patuh-error" id={error_id(u, v)}>{ text }</p> })
        })
        .collect();
    if messages.is_empty() {
        return html! {};
    }
    html! { <tr class="patuh-skm__refused"><td colspan="6">{ for messages }</td></tr> }
}

/// The grid table: a table on a laptop, stacked rows on a phone.
pub(super) fn table(grid: &UseReducerHandle<Grid>, view: Option<&SkmView>, lang: Lang) -> Html {
    let rows = (0..N_UNSUR).map(|u| {
        let nrr = view.map_or_else(|| "–".into(), |v| three_decimals(v.rows[u].nrr, lang));
        html! {
            <>
            <tr>
                <th scope="row">{ format!("{} {}", UNSUR[u].code, UNSUR[u].name(lang)) }</th>
                { for (0..4).map(|v| cell(grid, u, v, lang)) }
                <td class="patuh-nrr" data-label="NRR">{ nrr }</td>
            </tr>
            { errors(grid, u, lang) }
            </>
        }
    });
    html! {
        <div class="patuh-table-wrap">
            <table class="patuh-table patuh-table--stack patuh-skm__grid">
                <caption class="patuh-sr">{ t(lang).skm_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang).skm_element }</th>
                    { for (1..=4).map(|v| html! {
                        <th scope="col" class="patuh-skm__value">{ v }<br /><span>{ answer_label(v, lang).unwrap_or_default() }</span></th>
                    }) }
                    <th scope="col">{ "NRR" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
