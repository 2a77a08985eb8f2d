//! Pemda recap: many self-assessment files at once (JSON, HTML reports, evidence bundles), the
//! pemda score by the instrument's own rule, the zone distribution, and the weakest indicators.

use std::rc::Rc;

use patuh_core::exports::{recap_file, Format};
use patuh_core::recap::{self, Group, Mark, SortKey};
use patuh_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::app::offer;
use crate::components::zone_badge::ZoneBadge;
use crate::i18n::{decode_error, num, t, tr, zone};
use crate::state::{use_app, Action, View};

/// Turns a dropped/chosen file into text the recap reads: a bundle that opens as its JSON, any
/// other file as `patuh_core::open::as_text` gives it (the core words what is wrong with it).
pub async fn file_text(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK") {
        if let Ok(o) = browser::lazy::open("", bytes).await {
            return patuh_core::persist::encode(&o.snapshot.assessment, &o.snapshot.saved_at);
        }
    }
    patuh_core::open::as_text(bytes)
}

fn mark_text(lang: Lang, m: &Option<Mark>) -> String {
    m.as_ref().map(|m| num(lang, m.score)).unwrap_or_else(|| "–".into())
}

fn band_text(lang: Lang, m: &Option<Mark>) -> String {
    m.as_ref()
        .map(|m| {
            format!(
                "{}{}",
                zone(lang, m.zone),
                m.grade.as_ref().map(|g| format!(" ({g})")).unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The recap screen.
#[component]
pub fn Recap() -> Html {
    let app = use_app();
    let lang = app.lang;
    let files = use_state(Vec::<(String, String)>::new);
    let sort = use_state(|| (SortKey::Score, true));
    let filter = use_state(String::new);
    let loading = use_state(|| false);
    let result = use_memo((*files).clone(), |f| recap::recap(f));

    let add_files = {
        let (files, loading) = (files.clone(), loading.clone());
        Rc::new(move |list: Vec<web_sys::File>| {
            let (files, loading) = (files.clone(), loading.clone());
            loading.set(true);
            spawn_local(async move {
                // Files may use any instrument: load them all (a failure shows per file).
                let _ = browser::lazy::all_instruments().await;
                let read = browser::read_files(list).await;
                let mut all = (*files).clone();
                for (n, b) in read {
                    all.push((n, file_text(&b).await));
                }
                files.set(all);
                loading.set(false);
            });
        })
    };
    let onchange = {
        let add = add_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                add(browser::files_of(&list));
            }
            input.set_value("");
        })
    };
    let ondrop = {
        let add = add_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                add(browser::files_of(&list));
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // Every download is the recap this screen shows, rendered in one call.
    let download = {
        let result = result.clone();
        Rc::new(move |format: Format| {
            let (now, delim) = (browser::now_iso(), patuh_core::report::csv::SEMICOLON);
            offer(
                &recap_file(&result, format, lang, &now, delim),
                "rekap-pemda",
                &browser::today(),
                format,
            );
        })
    };
    let clear = {
        let files = files.clone();
        Callback::from(move |_| files.set(Vec::new()))
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Home)))
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            sort.set(match v.as_str() {
                "opd" => (SortKey::Opd, false),
                "score-asc" => (SortKey::Score, false),
                "zone" => (SortKey::Zone, false),
                _ => (SortKey::Score, true),
            });
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    let errors = result.errors.iter().map(|e| {
        html! { <li><strong>{ e.name.clone() }</strong>{ ": " }{ decode_error(lang, &e.error) }</li> }
    });
    let groups = result.groups.iter().map(|g| group_view(lang, g, *sort, &filter));

    html! {
        <div class="patuh-recap">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ tr(lang, "Kembali", "Back") }</button>
            </div>
            <h1 tabindex="-1">{ tr(lang, "Rekap pemerintah daerah", "Regional government recap") }</h1>
            <section class="patuh-card">
                <p>{ tr(lang,
                    "Buka berkas penilaian mandiri dari banyak OPD sekaligus: berkas JSON patuh, laporan HTML patuh, atau bundel bukti (ZIP). Berkas hanya dibaca di peramban ini.",
                    "Open the self-assessment files of many OPDs at once: patuh JSON files, patuh HTML reports, or evidence bundles (ZIP). Files are only read in this browser.") }</p>
                <div class="patuh-drop" {ondrop} {ondragover}>
                    <label class="patuh-btn patuh-btn--primary patuh-file" for="patuh-recap-files">
                        { tr(lang, "Pilih berkas…", "Choose files…") }
                        <input class="patuh-sr" id="patuh-recap-files" type="file" multiple=true accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" {onchange} />
                    </label>
                    <span class="patuh-muted">{ tr(lang, " atau seret berkas ke sini", " or drop files here") }</span>
                </div>
                if *loading { <p role="status">{ tr(lang, "Membaca berkas…", "Reading files…") }</p> }
                if !files.is_empty() {
                    <p role="status" id="patuh-recap-count">{ match lang {
                        Lang::Id => format!("{} berkas dibaca, {} tidak dapat dibuka.", files.len(), result.errors.len()),
                        Lang::En => format!("{} files read, {} could not be opened.", files.len(), result.errors.len()),
                    } }</p>
                    <button type="button" class="patuh-btn patuh-btn--ghost" onclick={clear}>{ tr(lang, "Kosongkan daftar", "Clear the list") }</button>
                }
                if !result.errors.is_empty() {
                    <div class="patuh-notice patuh-notice--error" role="alert">
                        <div>
                            <p><strong>{ tr(lang, "Berkas yang tidak dapat dibuka:", "Files that could not be opened:") }</strong></p>
                            <ul class="patuh-list" id="patuh-recap-errors">{ for errors }</ul>
                        </div>
                    </div>
                }
            </section>
            if !result.groups.is_empty() {
                <div class="patuh-row patuh-recap__tools">
                    <div class="patuh-field patuh-field--inline">
                        <label for="patuh-recap-sort">{ tr(lang, "Urutkan", "Sort by") }</label>
                        <select id="patuh-recap-sort" onchange={on_sort}>
                            <option value="score-desc" selected={*sort == (SortKey::Score, true)}>{ tr(lang, "Nilai tertinggi dulu", "Highest score first") }</option>
                            <option value="score-asc" selected={*sort == (SortKey::Score, false)}>{ tr(lang, "Nilai terendah dulu", "Lowest score first") }</option>
                            <option value="opd" selected={sort.0 == SortKey::Opd}>{ tr(lang, "Nama OPD", "OPD name") }</option>
                            <option value="zone" selected={sort.0 == SortKey::Zone}>{ tr(lang, "Zona", "Zone") }</option>
                        </select>
                    </div>
                    <div class="patuh-field patuh-field--inline">
                        <label for="patuh-recap-filter">{ tr(lang, "Saring nama OPD", "Filter OPD name") }</label>
                        <input id="patuh-recap-filter" type="text" value={(*filter).clone()} oninput={on_filter} />
                    </div>
                </div>
            }
            if !result.groups.is_empty() {
                <section class="patuh-card" aria-labelledby="patuh-recap-dl-h">
                    <h2 id="patuh-recap-dl-h">{ tr(lang, "Unduh rekap", "Download the recap") }</h2>
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-recap-html" onclick={{
                            let download = download.clone();
                            Callback::from(move |_| {
                                download(Format::Html);
                            })
                        }}>{ tr(lang, "Unduh rekap (HTML)", "Download recap (HTML)") }</button>
                        <button type="button" class="patuh-btn" id="patuh-recap-pdf" onclick={{
                            let download = download.clone();
                            Callback::from(move |_| {
                                download(Format::Pdf);
                            })
                        }}>{ tr(lang, "Unduh rekap (PDF)", "Download recap (PDF)") }</button>
                        <button type="button" class="patuh-btn" id="patuh-recap-csv" onclick={{
                            let download = download.clone();
                            Callback::from(move |_| {
                                download(Format::Csv);
                            })
                        }}>{ tr(lang, "Unduh tabel (CSV)", "Download table (CSV)") }</button>
                    </div>
                </section>
            }
            { for groups }
        </div>
    }
}

fn group_view(lang: Lang, g: &Group, sort: (SortKey, bool), filter: &str) -> Html {
    let ins = g.instrument;
    let mut opds = g.opds.clone();
    recap::sort_opds(&mut opds, sort.0, sort.1);
    let needle = recap::normalise_opd(filter);
    let rows = opds.iter().filter(|o| needle.is_empty() || recap::normalise_opd(&o.opd).contains(&needle)).flat_map(|o| {
        let head = html! {
            <tr class="patuh-row--unit">
                <th scope="row">{ o.opd.clone() }{ if o.duplicate { format!(" ⚠ {}", tr(lang, "duplikat", "duplicate")) } else { String::new() } }</th>
                <td data-label={t(lang).score}>{ mark_text(lang, &o.mark) }</td>
                <td data-label={tr(lang, "Zona", "Zone")}>{ band_text(lang, &o.mark) }</td>
                <td data-label={t(lang).completeness}>{ crate::i18n::of(lang, o.total - o.unanswered, o.total) }</td>
            </tr>
        };
        let units = o.units.iter().map(|u| html! {
            <tr>
                <th scope="row" class="patuh-indent">{ u.name.clone() }</th>
                <td data-label={t(lang).score}>{ mark_text(lang, &u.mark) }</td>
                <td data-label={tr(lang, "Zona", "Zone")}>{ band_text(lang, &u.mark) }</td>
                <td></td>
            </tr>
        }).collect::<Vec<_>>();
        std::iter::once(head).chain(units)
    });
    let counted = match g.distribution.counted {
        recap::Counted::Units => tr(lang, "unit layanan", "service units"),
        recap::Counted::Products => tr(lang, "produk layanan", "service products"),
    };
    let total: usize = g.distribution.bands.iter().map(|b| b.count).sum::<usize>().max(1);
    let dist = g.distribution.bands.iter().rev().map(|b| {
        let def = &ins.bands[b.band];
        html! {
            <tr>
                <td><ZoneBadge band={patuh_core::report::band_view(ins, def, lang)} /></td>
                <td>{ b.count }</td>
                <td><progress class="patuh-meter" max={total.to_string()} value={b.count.to_string()} aria-hidden="true"></progress>
                    { format!(" {} %", num(lang, patuh_core::Ratio::new(b.count as u128 * 100, total as u128).map(|r| r.round2()).unwrap_or_default())) }</td>
            </tr>
        }
    });
    let weak = g.weakest.iter().take(10).map(|w| {
        let text = ins
            .indicator(&w.indicator)
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_else(|| w.indicator.clone());
        html! {
            <li>{ text }<span class="patuh-muted">{ match lang {
                Lang::Id => format!(" · belum maksimal di {} {counted}", w.below_max),
                Lang::En => format!(" · below the maximum in {} {counted}", w.below_max),
            } }</span></li>
        }
    });
    html! {
        <section class="patuh-card patuh-recap__group" aria-label={ins.title.get(lang).to_string()}>
            <h2>{ ins.title.get(lang) }{ format!(" ({})", ins.years) }</h2>
            if ins.provisional { <p class="patuh-flag">{ t(lang).provisional_instrument }</p> }
            <div class="patuh-summary">
                <p class="patuh-summary__label">{ tr(lang, "Nilai pemerintah daerah", "Regional government score") }</p>
                if let Some(m) = &g.pemda {
                    <p class="patuh-summary__score" id="patuh-pemda-score">{ num(lang, m.score) }</p>
                    if let Some(w) = g.opinion(lang) {
                        <p class="patuh-opinion" id="patuh-pemda-opinion"><strong>{ w }</strong></p>
                    } else {
                        <ZoneBadge band={patuh_core::report::band_view(ins, &ins.bands[m.band], lang)} />
                    }
                } else {
                    <p class="patuh-summary__score">{ t(lang).no_score }</p>
                }
                <p class="patuh-muted">{ ins.scoring.aggregation.get(lang) }</p>
            </div>
            if !g.duplicates.is_empty() {
                <p class="patuh-callout" role="note">{ tr(lang,
                    "⚠ OPD yang sama muncul lebih dari sekali untuk periode yang sama. Keduanya masih dihitung; hapus salah satu berkas bila itu duplikat.",
                    "⚠ The same OPD appears more than once for the same period. Both still count; remove one file if it is a duplicate.") }</p>
            }
            if g.periods.len() > 1 {
                <p class="patuh-callout" role="note">{ match lang {
                    Lang::Id => format!("Berkas berasal dari beberapa periode: {}.", g.periods.join(", ")),
                    Lang::En => format!("The files come from several periods: {}.", g.periods.join(", ")),
                } }</p>
            }
            <h3>{ tr(lang, "Sebaran zona", "Zone distribution") }{ format!(" ({counted})") }</h3>
            <table class="patuh-table">
                <thead><tr><th scope="col">{ tr(lang, "Zona", "Zone") }</th><th scope="col">{ tr(lang, "Jumlah", "Count") }</th><th scope="col">{ tr(lang, "Bagian", "Share") }</th></tr></thead>
                <tbody>{ for dist }</tbody>
            </table>
            <h3>{ tr(lang, "OPD dan unit", "OPDs and units") }</h3>
            <div class="patuh-table-wrap">
                <table class="patuh-table patuh-table--stack" id="patuh-recap-table">
                    <thead><tr>
                        <th scope="col">{ tr(lang, "OPD / unit", "OPD / unit") }</th><th scope="col">{ t(lang).score }</th>
                        <th scope="col">{ tr(lang, "Zona", "Zone") }</th><th scope="col">{ t(lang).completeness }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !g.weakest.is_empty() {
                <h3>{ tr(lang, "Indikator terlemah di pemerintah daerah", "Weakest indicators across the regional government") }</h3>
                <ol class="patuh-list">{ for weak }</ol>
            }
        </section>
    }
}
