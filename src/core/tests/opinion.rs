//! The 2025 opinion (docs/SCORING.md §Opinion): the quality label at every edge, the published
//! pairs, the published unit scores of DIY, Kota Yogyakarta and Pemprov Gorontalo through the
//! recap of unit files, "Tanpa Maladministrasi" exactly when every registered product is done
//! (the score unchanged), the unit labels, and the opinion on every file (what an office prepares,
//! and old files: `opinion_prep.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, file, ins};
use patuh_core::assessment::Assessment;
use patuh_core::exact::Hundredths;
use patuh_core::followup::{qualifier, FollowUp, Kind, Qualifier, Status};
use patuh_core::instrument::{Instrument, Lang};
use patuh_core::opinion::{certificate, unit_label, words};
use patuh_core::persist::{decode, encode};
use patuh_core::recap::recap;
use patuh_core::report;
use patuh_core::scoring::assess;
use patuh_core::secondary::OutputFigure;

fn i25() -> &'static Instrument {
    ins("ori-2025")
}

fn said(score: u32, q: Qualifier) -> String {
    words(i25(), Hundredths(score), q, Lang::Id)
}

#[test]
fn the_new_version_has_the_published_structure() {
    let i = i25();
    assert!(i.validate().is_empty(), "{}", i.validate().join("\n"));
    assert_eq!(i.version, "2");
    assert!(i.provisional);
    let dims: Vec<(&str, usize, Option<u32>)> =
        i.sections.iter().map(|s| (s.id.as_str(), s.indicators.len(), s.max_points)).collect();
    assert_eq!(
        dims,
        [("input", 3, Some(1530)), ("proses", 14, Some(2265)), ("pengaduan", 9, Some(1508))]
    );
    let o = i.opinion.as_ref().unwrap();
    assert_eq!(o.output.figures.len(), 4);
    assert_eq!(
        i.sections.iter().filter_map(|s| s.max_points).sum::<u32>() + o.output.max_points,
        7000
    );
    assert_eq!(o.trust.max_points, 3000);
    assert_eq!(o.trust.target, 30);
    // The 14 components of UU 25/2009 Pasal 21, huruf a to n, each once.
    let letters: Vec<String> = i.sections[1].indicators.iter().map(|x| x.legal.clone()).collect();
    for (k, l) in ('a'..='n').zip(&letters) {
        assert_eq!(l, &format!("UU 25/2009 Pasal 21 huruf {k}"));
    }
    // Everything inside the 70 % is flagged; no grade letters and no zona hitam.
    assert!(i.indicators().all(|(_, x)| x.assumed.is_some()));
    assert!(i.scoring.weights_assumed.is_some() && i.scale.assumed.is_some());
    assert!(i
        .bands
        .iter()
        .all(|b| b.grade.is_none() && b.zone != patuh_core::instrument::Zone::Hitam));
}

#[test]
fn quality_labels_at_every_edge() {
    let e = Qualifier::NotFilled;
    for (score, label) in [
        (0, "Kualitas Terendah"),
        (3199, "Kualitas Terendah"),
        (3200, "Kualitas Rendah"),
        (5399, "Kualitas Rendah"),
        (5400, "Kualitas Sedang"),
        (7799, "Kualitas Sedang"),
        (7800, "Kualitas Tinggi"),
        (8799, "Kualitas Tinggi"),
        (8800, "Kualitas Tertinggi"),
        (10000, "Kualitas Tertinggi"),
    ] {
        assert_eq!(said(score, e), label, "{score}");
    }
    assert!(!certificate(i25(), Hundredths(8799)));
    assert!(certificate(i25(), Hundredths(8800)));
}

#[test]
fn unit_labels_at_every_edge() {
    let l = |s| unit_label(i25(), Hundredths(s), Lang::Id).unwrap();
    assert_eq!(
        [l(5399), l(5400), l(7799), l(7800), l(8799), l(8800)],
        ["Kurang", "Cukup", "Cukup", "Baik", "Baik", "Sangat Baik"]
    );
    // Published 2025 unit labels (docs/SCORING.md §Opinion).
    assert_eq!([l(9236), l(7819), l(6598), l(5338)], ["Sangat Baik", "Baik", "Cukup", "Kurang"]);
}

#[test]
fn the_published_pairs() {
    use Qualifier::{Earned, Open};
    assert_eq!(said(6963, Open(1)), "Kualitas Sedang");
    assert_eq!(said(6257, Earned), "Kualitas Sedang Tanpa Maladministrasi");
    assert_eq!(said(5338, Open(2)), "Kualitas Rendah");
    assert_eq!(said(8600, Earned), "Kualitas Tinggi Tanpa Maladministrasi");
    assert_eq!(said(8839, Earned), "Kualitas Tertinggi Tanpa Maladministrasi");
    assert_eq!(said(7682, Earned), "Kualitas Sedang Tanpa Maladministrasi");
    // 2022–24 figures fall in the same quality bands.
    for (s, l) in [(3198, "Terendah"), (9020, "Tertinggi"), (8641, "Tinggi"), (7743, "Sedang")] {
        assert_eq!(said(s, Qualifier::NotFilled), format!("Kualitas {l}"));
    }
    for (s, l) in [(8801, "Tertinggi"), (5411, "Sedang"), (5277, "Rendah"), (3245, "Rendah")] {
        assert_eq!(said(s, Qualifier::NotFilled), format!("Kualitas {l}"));
    }
    assert_eq!(said(2598, Qualifier::NotFilled), "Kualitas Terendah");
    assert_eq!(said(9802, Qualifier::NotFilled), "Kualitas Tertinggi");
}

/// One unit, one product: every indicator at `level`, every trust answer at option `t` by 30
/// respondents, and the four Output figures at `v` hundredths.
fn unit(level: u32, t: usize, v: u32, name: &str) -> Assessment {
    let i = i25();
    let mut a = Assessment::new(name, i, name, name, "Produk");
    answer_all(i, &mut a, &level.to_string());
    let o = i.opinion.as_ref().unwrap();
    let u = &mut a.units[0];
    for q in &o.trust.questions {
        let mut c = vec![0; o.trust.options.len()];
        c[t] = 30;
        u.products[0].trust.insert(q.id.clone(), c);
    }
    for f in &o.output.figures {
        let value = Hundredths(v).en();
        u.output.insert(
            f.id.clone(),
            OutputFigure {
                value,
                source: "BPS".into(),
                year: "2025".into(),
                not_applicable: false,
            },
        );
    }
    a.no_followups = true;
    a
}

/// A complete unit file whose exact score is the closest to the published two-decimal `target`
/// (searching the levels, then the figures), so a mean of such files is the mean of the
/// published figures to well within a hundredth.
fn unit_scoring(target: u32, name: &str) -> Assessment {
    let i = i25();
    let want = Hundredths(target).ratio();
    let dist = |a: &Assessment| {
        let e = assess(i, a).exact.unwrap();
        let (x, y) = (e.num() * want.den(), want.num() * e.den());
        (x.abs_diff(y), e.den() * want.den())
    };
    for level in (0..=3).rev() {
        for t in (0..=3).rev() {
            let base = assess(i, &unit(level, t, 0, name)).exact.unwrap().round2().0;
            if base > target || target > base + 1697 {
                continue;
            }
            let guess = ((target - base) as u64 * 10000 / 1697) as u32;
            let best = (guess.saturating_sub(10)..=(guess + 10).min(10000))
                .map(|v| unit(level, t, v, name))
                .min_by(|a, b| {
                    let ((n1, d1), (n2, d2)) = (dist(a), dist(b));
                    (n1 * d2).cmp(&(n2 * d1))
                })
                .unwrap();
            let r = assess(i, &best);
            assert_eq!(r.exact.unwrap().round2(), Hundredths(target));
            assert!(!r.provisional(), "a complete file");
            return best;
        }
    }
    panic!("no unit file scores {target}");
}

fn pemda(scores: &[u32]) -> (Hundredths, String) {
    let files: Vec<(String, String)> = scores
        .iter()
        .enumerate()
        .map(|(k, s)| file(&format!("unit-{k}.json"), &unit_scoring(*s, &format!("Unit {k}"))))
        .collect();
    let r = recap(&files);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let g = &r.groups[0];
    let words = g.opinion(Lang::Id).unwrap();
    // The recap file says the same words (and no zone headline).
    let doc = patuh_core::report::recap_html::render(&r, Lang::Id, "x");
    assert!(doc.contains(&format!("<strong>{words}</strong>")), "recap HTML");
    let csv = patuh_core::report::recap_csv::render(&r, Lang::Id, b';');
    let score = g.pemda.as_ref().unwrap().score.id();
    assert!(
        csv.contains(&format!(";Nilai pemerintah daerah;{score};{words};;")),
        "recap CSV: {csv}"
    );
    (g.pemda.as_ref().unwrap().score, words)
}

#[test]
fn published_2025_pemda_results_through_the_recap_of_unit_files() {
    assert_eq!(
        pemda(&[9236, 9016, 8363, 8358, 8473, 8153]),
        (Hundredths(8600), "Kualitas Tinggi Tanpa Maladministrasi".to_string())
    );
    assert_eq!(
        pemda(&[9013, 8944, 8931, 8891, 8417]),
        (Hundredths(8839), "Kualitas Tertinggi Tanpa Maladministrasi".to_string())
    );
    assert_eq!(
        pemda(&[6879, 7755, 8411]),
        (Hundredths(7682), "Kualitas Sedang Tanpa Maladministrasi".to_string())
    );
}

fn item(id: &str, status: Status) -> FollowUp {
    FollowUp {
        id: id.into(),
        kind: Kind::SaranPerbaikan,
        number: format!("{id}/LAHP/2025"),
        date: "2025-10-01".into(),
        asks: "Perbaiki maklumat".into(),
        status,
        evidence: String::new(),
        deadline: "2026-03-31".into(),
    }
}

#[test]
fn tanpa_maladministrasi_exactly_when_every_registered_product_is_done() {
    let i = i25();
    let mut a = unit_scoring(6257, "Tidore");
    let score = assess(i, &a).exact;
    let opinion = |a: &Assessment| report::build(i, a, Lang::Id, "x").opinion.unwrap();
    a.no_followups = false;
    assert_eq!(qualifier(&a.followups, false), Qualifier::NotFilled);
    assert_eq!(opinion(&a).words.unwrap(), "Kualitas Sedang");
    a.followups = vec![item("t1", Status::Selesai), item("t2", Status::DalamProses)];
    assert_eq!(opinion(&a).qualifier, Qualifier::Open(1));
    assert_eq!(opinion(&a).words.unwrap(), "Kualitas Sedang");
    assert_eq!(opinion(&a).open, 1);
    a.followups[1].status = Status::Belum;
    assert_eq!(opinion(&a).words.unwrap(), "Kualitas Sedang");
    a.followups[1].status = Status::Selesai;
    assert_eq!(opinion(&a).words.unwrap(), "Kualitas Sedang Tanpa Maladministrasi");
    assert_eq!(assess(i, &a).exact, score, "the register never changes the score");
    // Saved and opened again, the register and the opinion survive.
    let back = decode(&encode(&a, "x")).unwrap().assessment;
    assert_eq!(back.followups, a.followups);
    assert_eq!(opinion(&back).words.unwrap(), "Kualitas Sedang Tanpa Maladministrasi");
    // The zone is only the pre-2025 translation.
    assert!(opinion(&a).zone_translation.unwrap().contains("2022–2024"));
}

#[test]
fn trust_and_output_count_towards_completeness_and_points() {
    let i = i25();
    let mut a = unit(3, 3, 10000, "Dinas");
    assert_eq!(assess(i, &a).exact.unwrap().round2(), Hundredths(10000));
    // 18 of 30 respondents: the score keeps their answers, the result is provisional.
    let o = i.opinion.as_ref().unwrap();
    for c in a.units[0].products[0].trust.values_mut() {
        *c = vec![0, 0, 0, 18];
    }
    let r = report::build(i, &a, Lang::Id, "x");
    assert!(r.overall.provisional);
    assert_eq!(r.opinion.as_ref().unwrap().trust[0].progress, "18 dari 30 responden");
    assert_eq!(r.overall.score.unwrap().text, "100,00");
    let rows: Vec<(&str, Option<&str>)> = r
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.points.as_ref().map(|f| f.text.as_str())))
        .collect();
    assert_eq!(rows.last().unwrap(), &("kepercayaan", Some("30,00")));
    // An Output figure marked not applicable leaves the mean; an empty one counts 0.
    a.units[0].output.get_mut("pn").unwrap().not_applicable = true;
    a.units[0].output.get_mut("ikm").unwrap().value.clear();
    let sixteen97_two_thirds = assess(i, &a).exact.unwrap().round2();
    assert_eq!(sixteen97_two_thirds, Hundredths(8303 + 1131));
    let csv = "kp1;kp2;kp3;kp4;kp5\n4;4;4;4;4\n1;1;1;1;1\n";
    let t = patuh_core::trust::from_csv(&o.trust, csv).unwrap();
    assert_eq!(patuh_core::trust::respondents(&t), 2);
    assert!(patuh_core::trust::from_csv(&o.trust, "1;2;3\n").is_err());
    assert!(patuh_core::trust::from_csv(&o.trust, "1;2;3;4;9\n").is_err());
}

#[test]
fn the_opinion_reads_the_same_on_every_file() {
    use patuh_core::report::{csv, html, pdf};
    let i = i25();
    let mut a = unit_scoring(6257, "Dinas Sosial");
    a.no_followups = false;
    a.followups = vec![item("t1", Status::DalamProses)];
    for (lang, words) in [(Lang::Id, "Kualitas Sedang"), (Lang::En, "Medium Quality")] {
        let r = report::build(i, &a, lang, "2026-12-03T10:00:00Z");
        let o = r.opinion.as_ref().unwrap();
        assert_eq!(o.words.as_deref(), Some(words));
        let h = html::render(&r, &encode(&a, "x"));
        assert!(h.contains(&format!("<strong>{words}</strong>")));
        assert!(h.contains("t1/LAHP/2025"), "the open product is in the report");
        assert!(!h.contains("zona-hitam") && !h.contains("Zona Hitam"));
        assert!(
            !h.contains("class=\"badge zone-"),
            "no zone badge anywhere in an opinion's report"
        );
        let c = csv::render(&r, b';');
        assert!(c.contains(&format!(";{words}")), "{c}");
        let path = common::write_to("opinion", &format!("o-{}.pdf", lang.code()), &pdf::render(&r));
        let out = common::poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
        let text = common::norm(&String::from_utf8_lossy(&out.stdout));
        assert!(text.contains(words), "PDF has the words");
        assert!(text.contains(&common::norm(&o.qualifier_note)), "PDF has the qualifier note");
        assert!(text.contains("31 Maret 2026") || text.contains("31 March 2026"), "deadline");
    }
    a.followups[0].status = Status::Selesai;
    let r = report::build(i, &a, Lang::Id, "x");
    assert!(csv::render(&r, b';').contains(";Kualitas Sedang Tanpa Maladministrasi"));
    assert_eq!(r.units[0].label.as_deref(), Some("Cukup"));
}
