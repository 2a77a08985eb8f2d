//! The walk: one section per step, per service product, with the step list, progress and pager.

use std::rc::Rc;

use patuh_core::instrument::Scope;
use patuh_core::scoring::{assess, Tally};
use patuh_core::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::components::indicator::IndicatorItem;
use crate::components::zone_badge::ScoreSummary;
use crate::i18n::{of, t};
use crate::state::{use_app, Action, View};

/// Progress bar with its figure as text ("12 dari 40").
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub done: u32,
    pub total: u32,
    pub label: AttrValue,
    pub lang: Lang,
}

/// A labelled `<progress>` (no inline style: works under a strict CSP).
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let text = of(props.lang, props.done, props.total);
    html! {
        <div class="patuh-progress">
            <span class="patuh-progress__label">{ props.label.clone() }{ ": " }<strong>{ text.clone() }</strong></span>
            <progress max={props.total.max(1).to_string()} value={props.done.to_string()} aria-label={format!("{} {}", props.label, text)}></progress>
        </div>
    }
}

/// Props of [`PlaceSelect`].
#[derive(Properties, PartialEq)]
pub struct PlaceSelectProps {
    /// "unit › product" of every place, in walk order.
    pub names: Rc<Vec<String>>,
    /// The current place.
    pub current: usize,
    /// A place was chosen.
    pub on_change: Callback<usize>,
}

/// The place chooser. Its own component, so that an answer (which changes neither the places nor
/// the current one) does not rebuild or compare its options: with 100 products, that was most of
/// the work of a click (docs/PERFORMANCE.md).
#[component]
pub fn PlaceSelect(props: &PlaceSelectProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Ok(p) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                cb.emit(p);
            }
        })
    };
    let current = props.current;
    html! {
        <select id="patuh-place" {onchange}>
            { for props.names.iter().enumerate().map(|(i, n)| html! { <option value={i.to_string()} selected={i == current}>{ n.clone() }</option> }) }
        </select>
    }
}

/// The walk screen.
#[component]
pub fn Walk() -> Html {
    let app = use_app();
    let heading = use_node_ref();
    let first = use_mut_ref(|| true);
    let copy_from = use_state(|| None::<String>);
    // Focus the step heading on every step change (not on first arrival from the start screen).
    {
        let heading = heading.clone();
        use_effect_with((app.place, app.step), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                browser::focus(&h);
            }
        });
    }
    // A reopened assessment: the indicator that was in view when the user left, brought into view
    // once (its step is the current one). After this render's effects (the app's "a new screen
    // starts at its top" among them), so nothing scrolls it away again.
    {
        use_effect_with(app.scroll_to.clone(), move |to| {
            if let Some(id) = to.clone() {
                gloo::timers::callback::Timeout::new(0, move || {
                    let el = gloo::utils::document().get_element_by_id(&format!("patuh-ind-{id}"));
                    if let Some(el) = el {
                        el.scroll_into_view();
                    }
                })
                .forget();
            }
        });
    }
    let (Some(doc), Some(ins), Some(place)) =
        (app.doc.as_ref(), app.instrument(), app.current_place())
    else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let places = doc.places();
    let pi = app.place.min(places.len() - 1);
    let step = app.step.min(ins.sections.len() - 1);
    let sec = &ins.sections[step];
    let result = assess(ins, doc);
    let unit = doc.unit(&place.unit);
    let unit_res = result.units.iter().find(|u| u.unit == place.unit);
    let prod_res = unit_res.and_then(|u| u.products.iter().find(|p| p.product == place.product));
    let sec_tally = |s: usize| prod_res.map(|p| p.sections[s].tally).unwrap_or_default();
    let prod_tally: Tally = prod_res.map(|p| p.tally).unwrap_or_default();

    let goto = |place: usize, step: usize| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Goto { place, step }))
    };
    let steps = ins.sections.iter().enumerate().map(|(i, s)| {
        let tl = sec_tally(i);
        let current = i == step;
        let done = tl.unanswered() == 0;
        html! {
            <li>
                <button type="button" class={classes!("patuh-step", current.then_some("patuh-step--current"), done.then_some("patuh-step--done"))}
                    aria-current={current.then_some("step")} onclick={goto(pi, i)}>
                    <span class="patuh-step__mark" aria-hidden="true">{ if done { "✓" } else { "" } }</span>
                    // On a phone the strip shows the step numbers only (styles/screens.css).
                    <span class="patuh-step__no" aria-hidden="true">{ i + 1 }</span>
                    <span class="patuh-step__title">{ s.title.get(lang) }</span>
                    <span class="patuh-step__count">{ of(lang, tl.answered, tl.total) }</span>
                </button>
            </li>
        }
    });

    let items = sec.indicators.iter().enumerate().map(|(n, ind)| {
        let entry = doc.entry(ins, &place, &ind.id).cloned();
        html! { <IndicatorItem key={ind.id.clone()} place={place.clone()} indicator={ind} scale={&ins.scale} {entry} number={n + 1} /> }
    });

    // Previous/next cross product boundaries: last step of a product → first step of the next.
    let last_step = ins.sections.len() - 1;
    let prev = (step > 0).then(|| (pi, step - 1)).or_else(|| (pi > 0).then(|| (pi - 1, last_step)));
    let next = (step < last_step)
        .then(|| (pi, step + 1))
        .or_else(|| (pi + 1 < places.len()).then(|| (pi + 1, 0)));
    // Next unanswered: scan from the current position, in walk order.
    // Next unanswered: the first step after this one (in walk order, wrapping) whose tally has an
    // unanswered indicator — read from the result already computed, no second scan of the answers.
    let flat: Vec<&patuh_core::ProductResult> =
        result.units.iter().flat_map(|u| &u.products).collect();
    let next_unanswered = {
        let n = ins.sections.len();
        let total = flat.len() * n;
        let pos = pi * n + step;
        (1..=total)
            .map(|k| (pos + k) % total)
            .map(|i| (i / n, i % n))
            .find(|&(p, s)| flat.get(p).is_some_and(|pr| pr.sections[s].tally.unanswered() > 0))
    };
    let on_place = {
        let app = app.clone();
        Callback::from(move |p: usize| app.dispatch(Action::Goto { place: p, step }))
    };
    // "unit › product" in walk order (the order of `Assessment::places`).
    let place_names: Rc<Vec<String>> = Rc::new(
        doc.units
            .iter()
            .flat_map(|u| u.products.iter().map(move |p| format!("{} › {}", u.name, p.name)))
            .collect(),
    );
    let product_name = unit
        .and_then(|u| u.products.iter().find(|p| p.id == place.product))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let show = |v: View| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(v)))
    };
    let unit_scoped_section = sec.indicators.iter().all(|i| i.scope == Scope::Unit);
    // Copy from a sibling product.
    let siblings: Vec<(String, String)> = unit
        .map(|u| {
            u.products
                .iter()
                .filter(|p| p.id != place.product)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    let copy_html = if unit_scoped_section || siblings.is_empty() {
        html! {}
    } else {
        let selected = copy_from
            .as_ref()
            .filter(|id| siblings.iter().any(|(s, _)| s == *id))
            .cloned()
            .unwrap_or_else(|| siblings[0].0.clone());
        let on_pick = {
            let copy_from = copy_from.clone();
            Callback::from(move |e: Event| {
                copy_from.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
            })
        };
        let on_copy = {
            let (app, to, sel) = (app.clone(), place.clone(), selected.clone());
            Callback::from(move |_| {
                let from =
                    patuh_core::assessment::Place { unit: to.unit.clone(), product: sel.clone() };
                app.dispatch(Action::CopyAnswers { from, to: to.clone() });
            })
        };
        html! {
            <div class="patuh-copy">
                <label for="patuh-copy-from">{ tx.copy_from }</label>
                <select id="patuh-copy-from" onchange={on_pick}>
                    { for siblings.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == selected}>{ name.clone() }</option> }) }
                </select>
                <button type="button" class="patuh-btn patuh-btn--small" onclick={on_copy}>{ tx.copy_btn }</button>
            </div>
        }
    };

    html! {
        <div class="patuh-walk">
            <div class="patuh-walk__bar">
                <div class="patuh-field patuh-field--inline">
                    <label for="patuh-place">{ tx.answering_for }</label>
                    <PlaceSelect names={place_names} current={pi} on_change={on_place} />
                </div>
                <div class="patuh-row">
                    <button type="button" class="patuh-btn patuh-btn--ghost" onclick={show(View::Setup)}>{ tx.structure }</button>
                    <button type="button" class="patuh-btn patuh-btn--ghost" id="patuh-open-skm" onclick={show(View::Skm)}>{ t(lang).skm_short }</button>
                    if ins.opinion.is_some() {
                        <button type="button" class="patuh-btn" id="patuh-open-opinion" onclick={show(View::Opinion)}>{ t(lang).opinion_data }</button>
                    }
                    <button type="button" class="patuh-btn" id="patuh-see-result" onclick={show(View::Result)}>{ tx.see_result }</button>
                </div>
            </div>
            <div class="patuh-walk__grid">
                <nav class="patuh-steps" aria-label={tx.steps}>
                    <Progress done={result.total - result.unanswered} total={result.total} label={AttrValue::from(doc.opd.clone())} {lang} />
                    <Progress done={prod_tally.answered} total={prod_tally.total} label={AttrValue::from(product_name.clone())} {lang} />
                    <ol>{ for steps }</ol>
                </nav>
                <section class="patuh-section" aria-labelledby="patuh-step-h">
                    <h1 id="patuh-step-h" ref={heading} tabindex="-1">
                        <span class="patuh-section__crumb">{ format!("{} · {}", unit.map(|u| u.name.as_str()).unwrap_or_default(), product_name) }</span>
                        { sec.title.get(lang) }
                    </h1>
                    if ins.provisional {
                        <p class="patuh-callout patuh-callout--assumed" role="note"><strong>{ tx.provisional_instrument }</strong></p>
                    }
                    if unit_scoped_section { <p class="patuh-tag patuh-section__scope">{ tx.unit_wide }</p> }
                    if sec.projection {
                        <p class="patuh-callout"><strong>{ tx.projection }{ ": " }</strong>{ tx.projection_note }</p>
                    }
                    if let Some(n) = &sec.note {
                        <details class="patuh-help">
                            <summary>{ tx.section_note }</summary>
                            <p class="patuh-muted">{ n.get(lang) }</p>
                        </details>
                    }
                    // The assumption stays one tap away, so the first question is on the first screen.
                    if let Some(a) = &sec.assumed {
                        <details class="patuh-help patuh-callout patuh-callout--assumed">
                            <summary><strong>{ tx.assumed }</strong>{ ": " }{ tx.about_section }</summary>
                            <p>{ a.get(lang) }</p>
                        </details>
                    }
                    { copy_html }
                    if let Some(a) = &ins.scale.assumed {
                        <details class="patuh-help">
                            <summary>{ tx.level_meaning }</summary>
                            <p>{ a.get(lang) }</p>
                        </details>
                    }
                    { for items }
                    <div class="patuh-pager">
                        if let Some((p, s)) = prev {
                            <button type="button" class="patuh-btn" onclick={goto(p, s)}>{ "← " }{ tx.prev }</button>
                        }
                        if let Some((p, s)) = next_unanswered {
                            <button type="button" class="patuh-btn patuh-btn--ghost" onclick={goto(p, s)}>{ tx.next_unanswered }</button>
                        } else {
                            <span class="patuh-muted">{ tx.all_answered }</span>
                        }
                        if let Some((p, s)) = next {
                            <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={goto(p, s)}>{ tx.next }{ " →" }</button>
                        } else {
                            if ins.opinion.is_some() {
                                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={show(View::Opinion)}>{ t(lang).next_opinion }{ " →" }</button>
                            } else {
                                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={show(View::Result)}>{ tx.see_result }{ " →" }</button>
                            }
                        }
                    </div>
                </section>
                <aside class="patuh-aside" aria-label={tx.score}>
                    <ScoreSummary compact=true />
                </aside>
            </div>
        </div>
    }
}
