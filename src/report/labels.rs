//! Every word a report prints that the user did not write, in English and Japanese.
//! One table, so a missing translation is a compile error, not a blank cell.

use crate::i18n::Lang;
use crate::model::{Category, Origin, Status, TreatmentOption};
use crate::risk::Band;

use super::soa::Decision;

/// A fixed label of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum L {
    SoaTitle,
    RisksTitle,
    ReportTitle,
    Organization,
    Framework,
    Version,
    ApprovedBy,
    ApprovedOn,
    NotRecorded,
    NoSoaDocument,
    Counts,
    FrameworkControls,
    Applicable,
    Excluded,
    Undecided,
    Contradictory,
    Implemented,
    Partial,
    Planned,
    NotImplemented,
    NoControl,
    ControlNo,
    ControlTitle,
    Name,
    Theme,
    Decision,
    Inclusion,
    Exclusion,
    Status,
    OrgControls,
    Procedures,
    AdditionalControls,
    AdditionalNone,
    Category,
    MapsTo,
    TreatedRisks,
    Findings,
    FindingsNone,
    FindingsWarning,
    Errors,
    SevError,
    SevWarning,
    SevInfo,
    Before,
    After,
    Warnings,
    Infos,
    Severity,
    Code,
    Location,
    Message,
    RiskId,
    RiskTitle,
    Assets,
    Threat,
    Origin,
    Vulnerabilities,
    Impact,
    Likelihood,
    Level,
    Band,
    Treatment,
    Controls,
    Owner,
    Due,
    Residual,
    ResidualLevel,
    ResidualBand,
    Additional,
    Acceptance,
    AcceptedBy,
    AcceptedOn,
    PlanApprovedBy,
    PlanApprovedOn,
    Expires,
    Rationale,
    TransferTo,
    HeatBefore,
    HeatAfter,
    HeatAfterNote,
    Unplaced,
    RiskMethod,
    Legend,
    Summary,
    Contents,
    Lv1,
    Lv1Intro,
    ControlsAndProcedures,
    ProcedureDetails,
    Frequency,
    Steps,
    Evidence,
    /// The newest evidence of the applied controls, in the SoA and the risk register.
    NewestEvidence,
    /// The report's SoA leaves the evidence to the ISMS status section.
    SoaEvidenceInStatus,
    /// The prefix of an evidence line under a cell's text.
    EvidenceShort,
    Review,
    LastReview,
    NextReview,
    Implements,
    Risks,
    Threats,
    ShareImplemented,
    OpenFindings,
    AboveAppetite,
    NoRisks,
    NoProcedure,
    None,
    Description,
    Total,
    NoStatus,
    AsOf,
    Document,
    AssetsTitle,
    AssetId,
    AssetName,
    AssetType,
    Confidentiality,
    Integrity,
    Availability,
    Importance,
    StoredAt,
    NamedByRisks,
    Trace,
    TraceHint,
    Unassessed,
    ContradictoryShort,
    OwnControls,
    Unrated,
    AboveAppetiteAmong,
    ApplicableAmong,
    Yes,
    No,
}

impl L {
    pub fn t(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            L::SoaTitle => ("Statement of Applicability", "適用宣言書"),
            L::RisksTitle => (
                "Risk register and treatment plan",
                "リスク台帳とリスク対応計画",
            ),
            L::ReportTitle => (
                "Information security management report",
                "情報セキュリティマネジメント報告書",
            ),
            L::Organization => ("Organisation", "組織"),
            L::Framework => ("Framework", "規格"),
            L::Version => ("Version", "版"),
            L::ApprovedBy => ("Approved by", "承認者"),
            L::ApprovedOn => ("Approved on", "承認日"),
            L::NotRecorded => ("not recorded", "未記載"),
            L::NoSoaDocument => (
                "There is no SoA document (kind: soa) for this framework: its version, approval, exclusions and declared reasons are missing.",
                "この規格の適用宣言書（kind: soa）がありません。版・承認・除外理由・採用理由が記載されていません。",
            ),
            L::Counts => ("Counts", "件数"),
            L::FrameworkControls => ("Controls of the framework", "規格の管理策"),
            L::Applicable => ("Applicable", "適用"),
            L::Excluded => ("Excluded", "除外"),
            L::Undecided => ("Undecided", "未決定"),
            L::Contradictory => (
                "Contradictory (excluded and mapped)",
                "矛盾（除外かつ対応あり）",
            ),
            L::Implemented => ("Implemented", "実施済み"),
            L::Partial => ("Partially implemented", "一部実施"),
            L::Planned => ("Planned", "計画中"),
            L::NotImplemented => ("Not implemented", "未実施"),
            L::NoControl => ("No control", "管理策なし"),
            L::ControlNo => ("No.", "番号"),
            L::ControlTitle => ("Control", "管理策"),
            L::Name => ("Title", "名称"),
            L::Theme => ("Theme", "分類"),
            L::Decision => ("Applicable", "適用"),
            L::Inclusion => ("Justification for inclusion", "採用理由"),
            L::Exclusion => ("Justification for exclusion", "除外理由"),
            L::Status => ("Implementation status", "実施状況"),
            L::OrgControls => ("Organisation controls", "自社の管理策"),
            L::Procedures => ("Procedures", "実施手順"),
            L::AdditionalControls => (
                "Additional controls (mapped to no control of the framework)",
                "追加の管理策（規格のどの管理策にも対応しないもの）",
            ),
            L::AdditionalNone => (
                "None: every control maps to the framework.",
                "ありません（すべての管理策が規格に対応しています）。",
            ),
            L::Category => ("Category", "区分"),
            L::MapsTo => ("Maps to", "対応する規格の管理策"),
            L::TreatedRisks => ("Risks treated", "対応するリスク"),
            L::Findings => ("Findings of isms check", "isms check の指摘"),
            L::FindingsNone => ("No problems found.", "問題はありません。"),
            L::FindingsWarning => (
                "This document was produced while the repository has errors: it may be incomplete or wrong. Fix them (run isms check) before relying on it.",
                "リポジトリにエラーがある状態で作成されました。内容が不完全または誤っている可能性があります。isms check で確認・修正してから利用してください。",
            ),
            L::Errors => ("Errors", "エラー"),
            L::SevError => ("error", "エラー"),
            L::SevWarning => ("warning", "警告"),
            L::SevInfo => ("info", "情報"),
            L::Before => ("Before treatment", "対応前"),
            L::After => ("After treatment", "対応後"),
            L::Warnings => ("Warnings", "警告"),
            L::Infos => ("Infos", "情報"),
            L::Severity => ("Severity", "重大度"),
            L::Code => ("Code", "コード"),
            L::Location => ("Location", "場所"),
            L::Message => ("Message", "内容"),
            L::RiskId => ("Risk", "リスク番号"),
            L::RiskTitle => ("Title", "リスク"),
            L::Assets => ("Assets", "資産"),
            L::Threat => ("Threat", "脅威"),
            L::Origin => ("Origin", "種類"),
            L::Vulnerabilities => ("Vulnerabilities", "脆弱性"),
            L::Impact => ("Impact", "重要度"),
            L::Likelihood => ("Likelihood", "被害発生可能性"),
            L::Level => ("Level", "リスク値"),
            L::Band => ("Band", "評価"),
            L::Treatment => ("Treatment", "対応"),
            L::Controls => ("Controls", "管理策"),
            L::Owner => ("Owner", "所有者"),
            L::Due => ("Due", "期限"),
            L::Residual => ("Residual", "残留リスク"),
            L::ResidualLevel => ("Residual level", "残留リスク値"),
            L::ResidualBand => ("Residual band", "残留リスクの評価"),
            L::Additional => ("Additional", "追加"),
            L::Acceptance => ("Approval and acceptance", "承認・受容"),
            L::AcceptedBy => ("accepted by", "受容者"),
            L::AcceptedOn => ("on", "受容日"),
            L::PlanApprovedBy => ("plan approved by", "対応計画の承認者"),
            L::PlanApprovedOn => ("approved on", "対応計画の承認日"),
            L::Expires => ("expires", "有効期限"),
            L::Rationale => ("rationale", "理由"),
            L::TransferTo => ("to", "移転先"),
            L::HeatBefore => ("Heat map before treatment", "ヒートマップ（対応前）"),
            L::HeatAfter => ("Heat map after treatment", "ヒートマップ（対応後）"),
            L::HeatAfterNote => (
                "After treatment, a risk without a declared residual stays where it was.",
                "対応後の図では、残留リスクを記載していないリスクは対応前の位置のままです。",
            ),
            L::Unplaced => (
                "Not placed (the level cannot be computed)",
                "配置できないリスク（リスク値を計算できない）",
            ),
            L::RiskMethod => ("Risk method", "リスク評価の方法"),
            L::Legend => ("Legend", "凡例"),
            L::Summary => ("Summary", "概要"),
            L::Contents => ("Contents", "目次"),
            L::Lv1 => (
                "Controls by threat (Lv.1 view)",
                "脅威ごとの対策（Lv.1 クイックアプローチ）",
            ),
            L::Lv1Intro => (
                "For each threat: the risks it causes and the controls that counter it (declared under threats, or treating its risks), by category.",
                "脅威ごとに、その脅威によるリスクと、対抗する管理策（管理策の threats に記載、またはそのリスクの対応に使用）を対策の区分別に示します。",
            ),
            L::ControlsAndProcedures => ("Controls and procedures", "管理策と実施手順"),
            L::ProcedureDetails => ("Procedures", "実施手順"),
            L::Frequency => ("Frequency", "頻度"),
            L::Steps => ("Steps", "手順"),
            L::Evidence => ("Evidence", "記録"),
            L::NewestEvidence => ("Evidence (newest)", "証跡（最新）"),
            L::SoaEvidenceInStatus => (
                "The newest evidence of each applied control is listed in the ISMS status section.",
                "適用した管理策ごとの最新の証跡は「ISMS の状況」に示します。",
            ),
            L::EvidenceShort => ("Evidence", "証跡"),
            L::Review => ("Review", "見直し"),
            L::LastReview => ("last", "前回"),
            L::NextReview => ("next", "次回"),
            L::Implements => ("Implements", "対象の管理策"),
            L::Risks => ("Risks", "リスク"),
            L::Threats => ("Threats", "脅威"),
            L::ShareImplemented => ("Controls implemented", "実施済みの管理策"),
            L::OpenFindings => ("Open findings", "未解決の指摘"),
            L::AboveAppetite => ("Above the risk appetite", "受容基準を超えるリスク"),
            L::NoRisks => ("No risk.", "リスクはありません。"),
            L::NoProcedure => ("no procedure", "手順なし"),
            L::None => ("none", "なし"),
            L::Description => ("Description", "説明"),
            L::Total => ("Total", "合計"),
            L::AsOf => ("As of", "時点"),
            L::AssetsTitle => ("Asset register", "情報資産台帳"),
            L::AssetId => ("Asset", "資産番号"),
            L::AssetName => ("Name", "名称"),
            L::AssetType => ("Type", "種類"),
            L::Confidentiality => ("Confidentiality", "機密性"),
            L::Integrity => ("Integrity", "完全性"),
            L::Availability => ("Availability", "可用性"),
            L::Importance => ("Importance", "重要度"),
            L::StoredAt => ("Location", "保管場所"),
            L::NamedByRisks => ("Risks", "関連するリスク"),
            L::Trace => ("Trace", "トレース"),
            L::TraceHint => (
                "Select an id to open its trace under its row: what it rests on and what rests on it.",
                "ID を選ぶと、その行の下にトレース（根拠と関連するもの）が開きます。",
            ),
            L::Unassessed => ("not assessed", "リスク未評価"),
            L::Document => ("Document", "文書"),
            L::NoStatus => ("No status (no control)", "状況なし（管理策なし）"),
            L::ContradictoryShort => ("Contradictory", "矛盾"),
            L::OwnControls => ("Organisation controls", "自社の管理策"),
            L::Unrated => ("Unrated", "未評価"),
            L::ApplicableAmong => ("Of which applicable", "うち適用"),
            L::AboveAppetiteAmong => (
                "Of which above the risk appetite",
                "うち受容基準を超えるもの",
            ),
            L::Yes => ("Yes", "適用"),
            L::No => ("No", "除外"),
        };
        lang.pick(en, ja)
    }
}

pub fn status(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Implemented => L::Implemented.t(lang),
        Status::Partial => L::Partial.t(lang),
        Status::Planned => L::Planned.t(lang),
        Status::NotImplemented => L::NotImplemented.t(lang),
    }
}

pub fn decision(d: Decision, lang: Lang) -> &'static str {
    match d {
        Decision::Applied | Decision::IncludedWithoutControl => L::Yes.t(lang),
        Decision::Excluded => L::No.t(lang),
        Decision::Undecided => L::Undecided.t(lang),
        Decision::Contradictory => L::Contradictory.t(lang),
    }
}

pub fn band(b: Band, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => b.ja(),
        Lang::En => b.as_str(),
    }
}

pub fn option(o: TreatmentOption, lang: Lang) -> &'static str {
    let ja = match o {
        TreatmentOption::Reduce => "低減",
        TreatmentOption::Transfer => "移転",
        TreatmentOption::Avoid => "回避",
        TreatmentOption::Accept => "受容",
    };
    lang.pick(o.as_str(), ja)
}

/// "deliberate (D)" / "意図的（D）".
pub fn origin(o: Origin, lang: Lang) -> &'static str {
    match (o, lang) {
        (Origin::Environmental, Lang::En) => "environmental (E)",
        (Origin::Deliberate, Lang::En) => "deliberate (D)",
        (Origin::Accidental, Lang::En) => "accidental (A)",
        (Origin::Environmental, Lang::Ja) => "環境的（E）",
        (Origin::Deliberate, Lang::Ja) => "意図的（D）",
        (Origin::Accidental, Lang::Ja) => "偶発的（A）",
    }
}

pub fn category(c: Category, lang: Lang) -> &'static str {
    let ja = match c {
        Category::Organizational => "組織的対策",
        Category::People => "人的対策",
        Category::Physical => "物理的対策",
        Category::Technological => "技術的対策",
    };
    lang.pick(c.as_str(), ja)
}

pub fn asset_type(t: crate::model::AssetType, lang: Lang) -> &'static str {
    use crate::model::AssetType as T;
    let ja = match t {
        T::Information => "情報",
        T::Hardware => "ハードウェア",
        T::Software => "ソフトウェア",
        T::Service => "サービス",
        T::People => "人",
        T::Facility => "施設",
    };
    lang.pick(t.as_str(), ja)
}

/// "every 12 months" / "12 か月ごと".
pub fn every_months(n: i64, lang: Lang) -> String {
    crate::tr!(lang, "every {n} months", "{n} か月ごと")
}

/// The list separator of a language, for ids and names in one cell.
pub fn sep(lang: Lang) -> &'static str {
    lang.pick(", ", "、")
}

/// The three-way colon, for "label: value".
pub fn colon(lang: Lang) -> &'static str {
    lang.pick(": ", "：")
}
