//! Opening files saved under an earlier instrument version (docs/FORMAT.md §Migration). An answer
//! whose question keeps its meaning moves to the new indicator; any other answer is kept in
//! [`Assessment::earlier`] with its question, shown and never scored. Nothing is dropped.

use crate::assessment::{Assessment, EarlierEntry, Entry};
use crate::instrument::Localized;

/// One old indicator: its id, the new id (empty: no counterpart), the old question (id, en).
type Row = (&'static str, &'static str, &'static str, &'static str);

/// One version step: instrument id, the version read, the version written, and the map of
/// every old indicator (empty: every id is kept where it is).
struct Step {
    id: &'static str,
    from: &'static str,
    to: &'static str,
    map: &'static [Row],
    /// New ids answered per product (an old unit-wide answer is copied to every product).
    per_product: &'static [&'static str],
}

const STEPS: &[Step] = &[
    // ori-2022 version 2 corrects what is known of its lists; every id is kept.
    Step { id: "ori-2022", from: "1", to: "2", map: &[], per_product: &[] },
    Step {
        id: "ori-2025",
        from: "1",
        to: "2",
        map: ORI_2025_V1,
        per_product: &[
            "pr-dasar-hukum",
            "pr-persyaratan",
            "pr-prosedur",
            "pr-jangka-waktu",
            "pr-biaya",
            "pr-produk",
        ],
    },
];

/// The (instrument, version) pairs [`migrate`] reads, apart from the steps themselves so the
/// start screen's check of a saved file (`persist::entry_of`) does not carry the tables.
const READS: &[(&str, &str)] = &[("ori-2022", "1"), ("ori-2025", "1")];

/// True when files of this instrument version are opened by migrating them.
pub fn migrates(id: &str, version: &str) -> bool {
    READS.iter().any(|(i, v)| *i == id && *v == version)
}

/// Brings an assessment to the current version of its instrument, step by step; an assessment
/// already current is returned unchanged. Returns how many answers were kept aside.
pub fn migrate(a: &mut Assessment) -> usize {
    let mut kept = 0;
    while let Some(step) =
        STEPS.iter().find(|s| s.id == a.instrument && s.from == a.instrument_version)
    {
        kept += apply(step, a);
        a.instrument_version = step.to.to_string();
    }
    kept
}

/// Where an old answer goes.
enum Goes<'a> {
    /// To this new id, answered per product.
    Product(&'a str),
    /// To this new id, answered once per unit.
    Unit(&'a str),
    /// Aside, with the old question (if the id was known).
    Aside(Localized),
}

fn goes(step: &Step, k: &str) -> Goes<'static> {
    match step.map.iter().find(|m| m.0 == k) {
        Some(m) if !m.1.is_empty() && step.per_product.contains(&m.1) => Goes::Product(m.1),
        Some(m) if !m.1.is_empty() => Goes::Unit(m.1),
        Some(m) => Goes::Aside(Localized { id: m.2.into(), en: m.3.into() }),
        None => Goes::Aside(Localized::default()),
    }
}

fn apply(step: &Step, a: &mut Assessment) -> usize {
    if step.map.is_empty() {
        // Same ids, same places: only the version changes.
        return 0;
    }
    let version = format!("{} {}", step.id, step.from);
    let mut earlier = Vec::new();
    let mut aside = |unit: &str, product: &str, k: String, text, entry| {
        earlier.push(EarlierEntry {
            version: version.clone(),
            unit: unit.to_string(),
            product: product.to_string(),
            indicator: k,
            text,
            entry,
        })
    };
    for u in &mut a.units {
        let mut copy_down: Vec<(&str, Entry)> = Vec::new();
        for (k, e) in std::mem::take(&mut u.answers) {
            match goes(step, &k) {
                Goes::Product(new) => copy_down.push((new, e)),
                Goes::Unit(new) => {
                    u.answers.insert(new.to_string(), e);
                }
                Goes::Aside(text) => aside(&u.id, "", k, text, e),
            }
        }
        for p in &mut u.products {
            for (k, e) in std::mem::take(&mut p.answers) {
                match goes(step, &k) {
                    Goes::Product(new) => {
                        p.answers.insert(new.to_string(), e);
                    }
                    Goes::Unit(new) => {
                        u.answers.entry(new.to_string()).or_insert(e);
                    }
                    Goes::Aside(text) => aside(&u.id, &p.id, k, text, e),
                }
            }
            for (k, e) in &copy_down {
                p.answers.entry(k.to_string()).or_insert_with(|| e.clone());
            }
        }
    }
    let n = earlier.len();
    a.earlier.extend(earlier);
    n
}

/// ori-2025 version 1 (the 2022–24 list with a trust section): old id, new id in version 2
/// (empty: no counterpart), the old question in Indonesian and English.
#[rustfmt::skip]
const ORI_2025_V1: &[Row] = &[
    ("in-paham-sp", "", "Pengetahuan tentang komponen standar pelayanan", "Knowledge of the components of the service standard"),
    ("in-tugas", "", "Pengetahuan terkait tugas dan kewenangan jabatan", "Knowledge of the duties and authority of the position"),
    ("in-ombudsman", "", "Pengetahuan tentang lembaga Ombudsman", "Knowledge of the Ombudsman institution"),
    ("in-maladministrasi", "", "Pengetahuan tentang bentuk-bentuk maladministrasi", "Knowledge of the forms of maladministration"),
    ("in-rekomendasi", "", "Pengetahuan tentang rekomendasi Ombudsman", "Knowledge of Ombudsman recommendations"),
    ("in-rentan", "", "Pengetahuan tentang layanan yang ramah kelompok marginal/rentan", "Knowledge of services friendly to marginalised/vulnerable groups"),
    ("in-pengawasan", "pr-pengawasan", "Frekuensi pengawasan internal", "Frequency of internal supervision"),
    ("in-abk", "pr-jumlah-pelaksana", "Ketersediaan jumlah petugas sesuai Analisis Beban Kerja (ABK)", "Number of staff in line with the workload analysis (ABK)"),
    ("in-mutu", "", "Ketersediaan kegiatan penjaminan mutu untuk pelayanan yang diberikan", "Quality-assurance activities for the service provided"),
    ("in-keamanan", "pr-keamanan", "Ketersediaan jaminan keamanan dan keselamatan pelayanan", "Security and safety guarantees of the service"),
    ("in-evaluasi", "pr-evaluasi", "Ketersediaan instrumen evaluasi kinerja pelaksana", "An instrument for evaluating the performance of service staff"),
    ("in-dasar-hukum", "pr-dasar-hukum", "Ketersediaan dasar hukum atas standar pelayanan yang diterapkan", "Legal basis of the service standard applied"),
    ("in-sarpras", "pr-sarpras", "Ketersediaan sarana, prasarana, dan fasilitas bagi pengguna layanan", "Facilities and infrastructure for service users"),
    ("in-sarpras-khusus", "", "Ketersediaan sarana prasarana bagi pengguna dengan perlakuan khusus", "Facilities for users who need special treatment"),
    ("in-penyuluhan", "", "Ketersediaan kegiatan penyuluhan kepada masyarakat", "Outreach activities for the public"),
    ("in-partisipasi", "", "Keterlibatan masyarakat dalam perencanaan pelayanan", "Community involvement in planning the service"),
    ("in-kompensasi", "", "Kompensasi bila pelayanan tidak sesuai standar", "Compensation when the service falls short of the standard"),
    ("pr-persyaratan", "pr-persyaratan", "Ketersediaan persyaratan", "Availability of the requirements"),
    ("pr-prosedur", "pr-prosedur", "Ketersediaan sistem, mekanisme dan prosedur", "Availability of the system, mechanism and procedure"),
    ("pr-jangka-waktu", "pr-jangka-waktu", "Ketersediaan jangka waktu penyelesaian", "Availability of the turnaround time"),
    ("pr-biaya", "pr-biaya", "Ketersediaan biaya/tarif", "Availability of the fee/tariff"),
    ("pr-produk", "pr-produk", "Ketersediaan produk pelayanan", "Availability of the service output"),
    ("pr-maklumat-publikasi", "", "Maklumat layanan: publikasi maklumat", "Service pledge: publication of the pledge"),
    ("pr-maklumat-substansi", "", "Maklumat layanan: substansi/kualitas maklumat", "Service pledge: substance/quality of the pledge"),
    ("pr-pelayanan-khusus", "", "Pelayanan khusus", "Special services"),
    ("pr-visi-misi", "", "Ketersediaan visi, misi pelayanan", "Availability of the service vision and mission"),
    ("pr-moto", "", "Ketersediaan moto pelayanan", "Availability of the service motto"),
    ("pr-atribut", "", "Ketersediaan atribut", "Availability of staff identification"),
    ("pr-terpadu", "", "Ketersediaan pelayanan terpadu", "Availability of integrated service"),
    ("out-penundaan", "", "Tidak ada penundaan berlarut", "No undue delay"),
    ("out-imbalan", "", "Tidak ada permintaan imbalan", "No solicitation of payment"),
    ("out-prosedur", "", "Tidak ada penyimpangan prosedur", "No procedural deviation"),
    ("out-kompeten", "", "Tidak ada petugas yang tidak kompeten", "No incompetent staff"),
    ("out-patut", "", "Tidak ada perilaku tidak patut", "No improper conduct"),
    ("pg-kewajiban", "pg-kewajiban", "Penyelenggara melaksanakan kewajiban dalam pengelolaan pengaduan", "The provider fulfils its obligations in complaint management"),
    ("pg-sk", "pg-sk", "Tersedianya SK pengelolaan pengaduan", "A decree (SK) on complaint management is in place"),
    ("pg-mekanisme", "pg-mekanisme", "Penyelenggara melaksanakan mekanisme dan tata cara pengelolaan pengaduan", "The provider follows a complaint-handling mechanism and procedure"),
    ("pg-pengalaman", "pg-pengalaman", "Lama pengalaman sebagai pengelola pengaduan", "Length of experience as a complaint officer"),
    ("pg-selesai", "pg-selesai", "Jumlah pengaduan yang diselesaikan", "Number of complaints resolved"),
    ("pg-waktu", "pg-waktu", "Waktu penyelesaian pengaduan", "Complaint resolution time"),
    ("pg-evaluasi", "pg-evaluasi", "Frekuensi kegiatan evaluasi, pemantauan serta pelaporan", "Frequency of evaluation, monitoring and reporting"),
    ("pg-sp4n", "pg-sp4n", "Keterpaduan sarana SP4N-LAPOR!", "Integration with SP4N-LAPOR!"),
    ("pg-pembinaan", "pg-pembinaan", "Frekuensi peningkatan pengetahuan pengelolaan pengaduan", "Frequency of training in complaint management"),
    ("kp-kepuasan", "", "Kepuasan masyarakat terhadap pelayanan", "Public satisfaction with the service"),
    ("kp-kepastian", "", "Kepercayaan bahwa pelayanan diberikan sesuai standar dan maklumat", "Trust that the service is delivered as its standard and pledge promise"),
    ("kp-tanggapan", "", "Kepercayaan bahwa pengaduan dan masukan ditindaklanjuti", "Trust that complaints and feedback are acted on"),
];
