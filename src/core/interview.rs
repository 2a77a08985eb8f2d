//! Interview preparation for the 2025 opinion (docs/SCORING.md §Interview preparation): the four
//! people the Ombudsman interviews per unit, what each is asked, and a self-check per person.
//! The questions follow the Ombudsman's 2023 interview sheet ("Kisi-kisi Wawancara": the 14
//! components of UU 25/2009 Pasal 21, at least 10 named; the provider's duties, Pasal 15;
//! outreach; compensation); who is asked what beyond that sheet is patuh's assumption.

use crate::assessment::Unit;
use crate::instrument::Lang;

/// A person interviewed per unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    /// Stable key the self-check is stored under.
    pub key: &'static str,
    /// Who, in Indonesian.
    pub id: &'static str,
    /// Who, in English.
    pub en: &'static str,
    /// The keys of the questions put to this person.
    pub questions: &'static [&'static str],
}

/// One question with what a good answer contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable key.
    pub key: &'static str,
    /// What it is about in a few words, for a report's list (Indonesian, English).
    pub topic: [&'static str; 2],
    /// The question (Indonesian, English).
    pub ask: [&'static str; 2],
    /// What a good answer contains (Indonesian, English).
    pub answer: [&'static str; 2],
}

/// The four interviewees (the pemda practice of preparing four people per unit, docs/SOURCES.md).
pub const ROLES: [Role; 4] = [
    Role {
        key: "kepala",
        id: "Kepala kantor / kepala dinas",
        en: "Head of office",
        questions: &["komponen", "kewajiban", "penyuluhan", "kompensasi", "hasil"],
    },
    Role {
        key: "layanan",
        id: "Kepala bidang / seksi pelayanan",
        en: "Head of the service section",
        questions: &["komponen", "kewajiban", "penyuluhan", "kompensasi", "rentan"],
    },
    Role {
        key: "pengaduan",
        id: "Pengelola pengaduan",
        en: "Complaints officer",
        questions: &["komponen", "pengaduan", "lapor", "produk"],
    },
    Role {
        key: "petugas",
        id: "Petugas pelayanan (front office)",
        en: "Front-line officer",
        questions: &["komponen", "produk-saya", "kompensasi", "rentan", "pengaduan"],
    },
];

/// The questions (the 2023 interview sheet; the answers are patuh's guidance).
pub const QUESTIONS: [Question; 10] = [
    Question {
        key: "komponen",
        topic: ["Komponen standar pelayanan", "Service-standard components"],
        ask: [
            "Sebutkan komponen standar pelayanan menurut UU 25/2009 Pasal 21 (paling sedikit 10 dari 14).",
            "Name the service-standard components of UU 25/2009 Article 21 (at least 10 of the 14).",
        ],
        answer: [
            "Dasar hukum; persyaratan; sistem, mekanisme, dan prosedur; jangka waktu penyelesaian; biaya/tarif; produk pelayanan; sarana, prasarana, dan/atau fasilitas; kompetensi pelaksana; pengawasan internal; penanganan pengaduan, saran, dan masukan; jumlah pelaksana; jaminan pelayanan; jaminan keamanan dan keselamatan pelayanan; evaluasi kinerja pelaksana.",
            "Legal basis; requirements; system, mechanism and procedure; turnaround time; fee/tariff; service product; facilities and infrastructure; staff competence; internal supervision; handling of complaints, suggestions and feedback; number of staff; service guarantee; security and safety guarantee; staff performance evaluation.",
        ],
    },
    Question {
        key: "kewajiban",
        topic: ["Kewajiban penyelenggara", "The provider's duties"],
        ask: [
            "Apa saja kewajiban penyelenggara pelayanan (UU 25/2009 Pasal 15)?",
            "What are the provider's duties (UU 25/2009 Article 15)?",
        ],
        answer: [
            "Antara lain: menyusun dan menetapkan standar pelayanan; menyusun, menetapkan, dan memublikasikan maklumat pelayanan; menempatkan pelaksana yang kompeten; menyediakan sarana, prasarana, dan/atau fasilitas yang memadai; melaksanakan pelayanan sesuai standar; membantu masyarakat memahami hak dan tanggung jawabnya. Baca juga hak penyelenggara di Pasal 14.",
            "Among others: draft and adopt the service standard; draft, adopt and publish the service pledge; place competent staff; provide adequate facilities; deliver the service as the standard says; help the public understand their rights and duties. Read the provider's rights in Article 14 too.",
        ],
    },
    Question {
        key: "penyuluhan",
        topic: ["Penyuluhan kepada masyarakat", "Outreach to the public"],
        ask: [
            "Penyuluhan atau sosialisasi apa yang sudah dilakukan kepada masyarakat?",
            "What outreach or information sessions have been held for the public?",
        ],
        answer: [
            "Sebutkan kegiatan, tanggal, dan sasarannya, dan siapkan undangan, daftar hadir, foto, atau unggahan di media resmi.",
            "Name the activity, date and audience, and have the invitation, attendance list, photos or official posts ready.",
        ],
    },
    Question {
        key: "kompensasi",
        topic: ["Kompensasi pelayanan", "Compensation"],
        ask: [
            "Apa kompensasi bagi pengguna bila produk layanan terlambat atau tidak sesuai standar?",
            "What compensation does a user get when a service product is late or falls short of the standard?",
        ],
        answer: [
            "Sebutkan bentuk kompensasi yang ditetapkan (misalnya tercantum dalam maklumat pelayanan) dan contoh pemberiannya.",
            "Name the compensation that is set (e.g. in the service pledge) and an example of it being given.",
        ],
    },
    Question {
        key: "hasil",
        topic: ["Tindak lanjut hasil penilaian tahun lalu", "Follow-up of last year's results"],
        ask: [
            "Bagaimana hasil penilaian Ombudsman tahun lalu dan produk Ombudsman ditindaklanjuti?",
            "How were last year's Ombudsman results and the Ombudsman's products acted on?",
        ],
        answer: [
            "Tunjukkan rencana kerja dan anggaran yang memuat perbaikannya, dan status setiap tindakan korektif, saran, atau rekomendasi.",
            "Show the work plan and budget with the improvements, and the status of every corrective action, suggestion or recommendation.",
        ],
    },
    Question {
        key: "rentan",
        topic: ["Pelayanan kelompok rentan", "Service for vulnerable groups"],
        ask: [
            "Bagaimana unit melayani penyandang disabilitas, lansia, ibu hamil, dan anak-anak?",
            "How does the unit serve persons with disabilities, the elderly, pregnant women and children?",
        ],
        answer: [
            "Sebutkan pelayanan khusus yang ada (loket prioritas, kursi roda, ram, ruang laktasi, pendampingan) dan di mana letaknya.",
            "Name the special services there are (priority counter, wheelchair, ramp, nursing room, assistance) and where they are.",
        ],
    },
    Question {
        key: "pengaduan",
        topic: ["Alur pengaduan", "Complaint handling"],
        ask: [
            "Bagaimana pengaduan diterima, dicatat, ditindaklanjuti, dan dijawab, dan berapa lama?",
            "How is a complaint received, recorded, acted on and answered, and how long does it take?",
        ],
        answer: [
            "Jelaskan alur menurut SOP pengaduan, kanal yang tersedia (nomor dinas, kotak saran, SP4N-LAPOR!), dan batas waktu penyelesaiannya.",
            "Explain the flow in the complaint SOP, the channels (office number, suggestion box, SP4N-LAPOR!) and the resolution deadline.",
        ],
    },
    Question {
        key: "lapor",
        topic: ["SP4N-LAPOR!", "SP4N-LAPOR!"],
        ask: [
            "Apakah unit terhubung dengan SP4N-LAPOR!, dan berapa pengaduan yang masuk dan selesai tahun ini?",
            "Is the unit connected to SP4N-LAPOR!, and how many complaints came in and were resolved this year?",
        ],
        answer: [
            "Sebutkan akun admin atau penghubung, jumlah pengaduan masuk dan selesai, dan tunjukkan rekapnya.",
            "Name the admin or liaison account, the number of complaints received and resolved, and show the summary.",
        ],
    },
    Question {
        key: "produk",
        topic: ["Tindak lanjut produk Ombudsman", "Follow-up of Ombudsman products"],
        ask: [
            "Adakah produk Ombudsman (tindakan korektif, saran perbaikan, rekomendasi) untuk instansi ini, dan bagaimana tindak lanjutnya?",
            "Is there any Ombudsman product (corrective action, suggestion, recommendation) for this body, and how was it acted on?",
        ],
        answer: [
            "Sebutkan nomor, isi, dan status tindak lanjut setiap produk (lihat daftar tindak lanjut di layar Data Opini).",
            "Name the number, content and follow-up status of every product (see the register on the opinion data screen).",
        ],
    },
    Question {
        key: "produk-saya",
        topic: ["Standar produk yang dilayani", "The standard of the product handled"],
        ask: [
            "Apa persyaratan, jangka waktu, dan biaya produk layanan yang Anda layani?",
            "What are the requirements, turnaround time and fee of the service product you handle?",
        ],
        answer: [
            "Jawab sama persis dengan standar pelayanan dan papan informasi di ruang pelayanan.",
            "Answer exactly as the service standard and the information board in the service room say.",
        ],
    },
];

/// The question with this key.
pub fn question(key: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.key == key)
}

/// True when the unit's self-check marks this person ready for the question (docs/SCORING.md
/// §Interview preparation).
pub fn is_ready(u: &Unit, role: &Role, question: &str) -> bool {
    u.interview.get(role.key).is_some_and(|r| r.iter().any(|x| x == question))
}

/// Questions of a role the unit's self-check marks ready, and all of them.
pub fn progress(u: &Unit, role: &Role) -> (usize, usize) {
    let n = role.questions.iter().filter(|q| is_ready(u, role, q)).count();
    (n, role.questions.len())
}

/// "3 dari 5 siap" / "3 of 5 ready": one person's self-check (docs/SCORING.md §Interview
/// preparation).
pub fn ready_text(ready: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{ready} dari {total} siap"),
        Lang::En => format!("{ready} of {total} ready"),
    }
}

/// "7 dari 19 pertanyaan wawancara siap" / "7 of 19 interview questions ready": every person of
/// every unit (docs/SCORING.md §Interview preparation).
pub fn total_text(ready: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{ready} dari {total} pertanyaan wawancara siap"),
        Lang::En => format!("{ready} of {total} interview questions ready"),
    }
}

/// The role's name in a language.
pub fn role_name(r: &Role, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => r.id,
        Lang::En => r.en,
    }
}

/// A text pair in a language.
pub fn pick(pair: &[&'static str; 2], lang: Lang) -> &'static str {
    pair[usize::from(lang == Lang::En)]
}
