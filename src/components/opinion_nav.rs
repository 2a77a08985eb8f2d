//! The top of the opinion-data screen: the ways back to the walk and on to the result, as on the
//! walk, and links to each part of this long page (Output, trust, follow-up, evidence,
//! interviews), whose headings take the focus.

use patuh_core::Lang;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{use_app, Action, View};

/// The ids of the parts' headings, in the order of the page and of `opinion_jumps`.
pub const PARTS: [&str; 5] =
    ["patuh-output-h", "patuh-trust-h", "patuh-register-h", "patuh-prepare-h", "patuh-interview-h"];

/// "← Kembali ke penilaian" and "Lihat hasil", as on the walk and the result screen.
#[component]
pub fn OpinionBar() -> Html {
    let app = use_app();
    let tx = t(app.lang);
    let show = |v: View| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(v)))
    };
    html! {
        <div class="patuh-walk__bar patuh-row">
            <button type="button" class="patuh-btn" id="patuh-opinion-back" onclick={show(View::Walk)}>{ "← " }{ tx.back_to_walk }</button>
            <button type="button" class="patuh-btn" id="patuh-opinion-top-result" onclick={show(View::Result)}>{ tx.see_result }</button>
        </div>
    }
}

/// Links to each part of the page ("Langsung ke: Output · Kepercayaan masyarakat · …").
pub fn jumps(lang: Lang) -> Html {
    let tx = t(lang);
    let links = PARTS.iter().zip(tx.opinion_jumps).map(|(id, name)| {
        // The heading takes the focus (the browser would only scroll to it).
        let go = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::browser::focus_id(id);
        });
        html! { <li><a href={format!("#{id}")} onclick={go}>{ name }</a></li> }
    });
    html! {
        <nav class="patuh-jumps" aria-label={tx.on_this_page} id="patuh-opinion-jumps">
            <span class="patuh-jumps__label" aria-hidden="true">{ tx.on_this_page }{ ":" }</span>
            <ul>{ for links }</ul>
        </nav>
    }
}
