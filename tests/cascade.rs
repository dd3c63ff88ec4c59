//! One mistake, one finding: a corpus of single mistakes, each planted alone in a fresh copy
//! of `company-example` (a clean repository), each giving exactly one finding, at the
//! mistake, with the code that names it. A second finding for the same mistake — a
//! reference to the broken entity reported as unknown, a rule that only restates the schema,
//! an absence caused by a typo elsewhere — is a cascade, and a bug in the pipeline.

mod common;

use common::*;
use std::path::Path;

/// How a case changes one file.
enum Edit {
    /// Replaces a text that occurs exactly once in the file.
    Text(&'static str, &'static str),
    /// Replaces bytes that occur exactly once (for bytes that are not UTF-8).
    Bytes(&'static [u8], &'static [u8]),
    /// Writes the file's whole text again in another encoding.
    Encode(fn(&str) -> Vec<u8>),
    /// Replaces the whole file.
    Whole(&'static [u8]),
}

use Edit::*;

/// One mistake: its name, the file it is made in, the edit, and the one finding expected
/// (`code file:line:column`, as [`finding_lines`] gives it).
struct Case {
    name: &'static str,
    file: &'static str,
    edit: Edit,
    expected: &'static str,
}

/// UTF-16 little-endian with its byte-order mark, as Windows Notepad saves "Unicode".
fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

/// `assets/people.yaml` re-saved as Shift_JIS: the same text, every Japanese character in its
/// two Shift_JIS bytes (checked against the UTF-8 file line by line in `shift_jis_is_people`).
const PEOPLE_SHIFT_JIS: &[u8] = b"# \x90l\x93I\x8E\x91\x8EY\x81F\x8F]\x8B\xC6\x88\xF5\n\
# yaml-language-server: $schema=../../schema/isms.schema.json\n\
kind: asset\n\
id: A-016\n\
name: \x8F]\x8B\xC6\x88\xF5\x81i\x96\xF0\x88\xF5\x81E\x90\xB3\x8E\xD0\x88\xF5\x81E\x83p\x81[\x83g \x96\xF1 50 \x96\xBC\x81j\n\
type: people\n\
owner: ROLE-ADMIN\n\
confidentiality: 2\n\
integrity: 2\n\
availability: 3\n\
location: \x96{\x8E\xD0\x81A\x8DH\x8F\xEA\n\
description: \x89\xC1\x8DH\x8BZ\x8Fp\x81E\x8C\xDA\x8Bq\x91\xCE\x89\x9E\x82\xCC\x83m\x83E\x83n\x83E\x82\xF0\x8E\x9D\x82\xC2\x90l\x8D\xDE\x81B\x8Fn\x97\xFB\x8DH\x82\xE2\x8F\xEE\x95\xF1\x83V\x83X\x83e\x83\x80\x92S\x93\x96\x82\xC8\x82\xC7\x81A\x91\xE3\x91\xD6\x82\xCC\x93\xEF\x82\xB5\x82\xA2\x97v\x88\xF5\x82\xF0\x8A\xDC\x82\xDE\x81B\n";

/// The treatment block of R-002 (a high risk, level 9), to delete.
const R002_TREATMENT: &str = "treatment:
  option: reduce
  controls:
    - C-INCIDENT          # 組織的対策：対応体制
    - C-TRAINING          # 人的対策
    - C-PHISHING-DRILL
    - C-REPORTING
    - C-BACKUP            # 物理的対策：オフライン・遠隔地バックアップ
    - C-FILE-ACCESS       # 技術的対策
    - C-PASSWORD
    - C-ANTIMALWARE
    - C-PATCH
    - C-NETWORK
  due: 2027-03-31
  approved_by: ROLE-CISO
  approved_on: 2026-10-01
";

const CASES: &[Case] = &[
    // ---- Encoding: the file cannot be read; what it defines and names stays defined and
    // named, so nothing that references it is reported.
    Case {
        // A whole file re-saved as Shift_JIS; A-016 is named by three risks.
        name: "shift_jis_file",
        file: "assets/people.yaml",
        edit: Whole(PEOPLE_SHIFT_JIS),
        expected: "yaml/encoding assets/people.yaml:1:3",
    },
    Case {
        // One word pasted as Shift_JIS bytes into a UTF-8 file that defines every threat.
        name: "shift_jis_bytes_in_utf8",
        file: "threats.yaml",
        edit: Bytes("name: 盗難".as_bytes(), b"name: \x93\x90\x93\xEF"),
        expected: "yaml/encoding threats.yaml:81:7",
    },
    Case {
        // An asset file saved as UTF-16 ("Unicode" in Notepad).
        name: "utf16_asset_file",
        file: "assets/people.yaml",
        edit: Encode(utf16le),
        expected: "yaml/encoding assets/people.yaml:1:1",
    },
    Case {
        // A control file saved as UTF-16: its mappings (7.14, 8.10 are declared applicable
        // in the SoA) are not reported as missing.
        name: "utf16_control_file",
        file: "controls/physical.yaml",
        edit: Encode(utf16le),
        expected: "yaml/encoding controls/physical.yaml:1:1",
    },
    Case {
        // A stray NUL byte in a text file: at the NUL, and the threats stay defined.
        name: "nul_byte_in_text",
        file: "threats.yaml",
        edit: Text("name: 盗難", "name: 盗難\0"),
        expected: "yaml/encoding threats.yaml:81:9",
    },
    // ---- Syntax: at the mistake, not where the parser noticed it; the document is lost,
    // but its ids and references are not.
    Case {
        // Unclosed `[` in a risk's assets.
        name: "unclosed_bracket_in_risk_assets",
        file: "risks/R-001.yaml",
        edit: Text("assets: [A-003, A-009]", "assets: [A-003, A-009"),
        expected: "yaml/syntax risks/R-001.yaml:7:9",
    },
    Case {
        // Unclosed `[` after a quoted item, in a control the SoA relies on (7.14, 8.10).
        name: "unclosed_bracket_in_control_maps_to",
        file: "controls/physical.yaml",
        edit: Text(
            "maps_to: [\"iso27001-2022:7.14\", \"iso27001-2022:8.10\"]",
            "maps_to: [\"iso27001-2022:7.14\", \"iso27001-2022:8.10\"",
        ),
        expected: "yaml/syntax controls/physical.yaml:79:10",
    },
    Case {
        // Unclosed `[` in a vulnerability that risks reference.
        name: "unclosed_bracket_in_vulnerability",
        file: "vulnerabilities.yaml",
        edit: Text(
            "threats: [T-THEFT, T-RANSOMWARE, T-VULN-EXPLOIT, T-TARGETED, T-BEC]",
            "threats: [T-THEFT, T-RANSOMWARE, T-VULN-EXPLOIT, T-TARGETED, T-BEC",
        ),
        expected: "yaml/syntax vulnerabilities.yaml:7:10",
    },
    Case {
        // Unclosed `{` in a risk's residual.
        name: "unclosed_brace_in_residual",
        file: "risks/R-001.yaml",
        edit: Text("residual: {likelihood: 1}", "residual: {likelihood: 1"),
        expected: "yaml/syntax risks/R-001.yaml:18:11",
    },
    Case {
        // A full-width colon in an asset that risks reference.
        name: "full_width_colon",
        file: "assets/information.yaml",
        edit: Text(
            "confidentiality: 3\nintegrity: 2\navailability: 2\nlocation: 基幹業務",
            "confidentiality: 3\nintegrity：2\navailability: 2\nlocation: 基幹業務",
        ),
        expected: "yaml/syntax assets/information.yaml:9:10",
    },
    Case {
        // A full-width space as the indentation of a nested key: the parser stops there.
        name: "full_width_space_indent_stops_the_parser",
        file: "risks/R-001.yaml",
        edit: Text("\n  option: reduce", "\n\u{3000}option: reduce"),
        expected: "yaml/syntax risks/R-001.yaml:13:1",
    },
    Case {
        // A full-width space as indentation where YAML reads `　due` as a key: the same
        // finding, not "unknown field `　due`".
        name: "full_width_space_indent_parses",
        file: "risks/R-001.yaml",
        edit: Text("\n  due: 2027-03-31", "\n\u{3000}due: 2027-03-31"),
        expected: "yaml/syntax risks/R-001.yaml:15:1",
    },
    Case {
        // A full-width space before a required top-level key: not "unknown field" and not
        // "missing `origin`".
        name: "full_width_space_before_required_key",
        file: "threats.yaml",
        edit: Text(
            "id: T-THEFT\nname: 盗難\norigin",
            "id: T-THEFT\nname: 盗難\n\u{3000}origin",
        ),
        expected: "yaml/syntax threats.yaml:82:1",
    },
    Case {
        // A tab as indentation.
        name: "tab_indent",
        file: "risks/R-001.yaml",
        edit: Text("\n  due: 2027-03-31", "\n\tdue: 2027-03-31"),
        expected: "yaml/syntax risks/R-001.yaml:15:1",
    },
    Case {
        // `owner:ROLE-SALES`: no space after the colon.
        name: "no_space_after_colon",
        file: "risks/R-001.yaml",
        edit: Text("owner: ROLE-SALES", "owner:ROLE-SALES"),
        expected: "yaml/syntax risks/R-001.yaml:11:6",
    },
    Case {
        // An unclosed double quote in the file of every threat.
        name: "unclosed_quote",
        file: "threats.yaml",
        edit: Text("name: 盗難", "name: \"盗難"),
        expected: "yaml/syntax threats.yaml:81:7",
    },
    Case {
        // A nested key indented by 3 spaces instead of 2.
        name: "key_indented_deeper_than_siblings",
        file: "risks/R-001.yaml",
        edit: Text("\n  due: 2027-03-31", "\n   due: 2027-03-31"),
        expected: "yaml/syntax risks/R-001.yaml:15:4",
    },
    Case {
        // A top-level key of an asset indented by one space.
        name: "top_level_key_indented",
        file: "assets/hardware.yaml",
        edit: Text("id: A-009\nname", "id: A-009\n name"),
        expected: "yaml/syntax assets/hardware.yaml:16:2",
    },
    Case {
        // The same key twice.
        name: "duplicate_key",
        file: "risks/R-001.yaml",
        edit: Text("likelihood: 2\n", "likelihood: 2\nlikelihood: 3\n"),
        expected: "yaml/duplicate-key risks/R-001.yaml:11:1",
    },
    // ---- Kind: a document without a known kind defines its id and names what it names.
    Case {
        // A misspelt kind on a threat that risks reference: did-you-mean, no ref/unknown.
        name: "misspelt_kind",
        file: "threats.yaml",
        edit: Text("kind: threat\nid: T-THEFT", "kind: thraet\nid: T-THEFT"),
        expected: "schema/invalid threats.yaml:79:7",
    },
    Case {
        // A missing kind on a threat that risks reference.
        name: "missing_kind",
        file: "threats.yaml",
        edit: Text("kind: threat\nid: T-THEFT", "id: T-THEFT"),
        expected: "schema/invalid threats.yaml:79:1",
    },
    Case {
        // `kind: Risk`: the risk's assets are not reported as unassessed.
        name: "capitalised_kind_on_risk",
        file: "risks/R-001.yaml",
        edit: Text("kind: risk", "kind: Risk"),
        expected: "schema/invalid risks/R-001.yaml:3:7",
    },
    Case {
        // A risk without `kind:`.
        name: "missing_kind_on_risk",
        file: "risks/R-001.yaml",
        edit: Text("kind: risk\n", ""),
        expected: "schema/invalid risks/R-001.yaml:3:1",
    },
    // ---- Fields.
    Case {
        // `orign:` for the required `origin:`: one finding, not also "missing `origin`".
        name: "misspelt_required_field",
        file: "threats.yaml",
        edit: Text(
            "origin: deliberate\noccurrence: 2\ndescription: 社外",
            "orign: deliberate\noccurrence: 2\ndescription: 社外",
        ),
        expected: "schema/invalid threats.yaml:82:1",
    },
    Case {
        // `descripton:` for the optional `description:`.
        name: "misspelt_optional_field",
        file: "threats.yaml",
        edit: Text("description: 社外", "descripton: 社外"),
        expected: "schema/invalid threats.yaml:84:1",
    },
    Case {
        // A field no threat has.
        name: "unknown_field",
        file: "threats.yaml",
        edit: Text("id: T-THEFT\n", "id: T-THEFT\ncolour: red\n"),
        expected: "schema/invalid threats.yaml:81:1",
    },
    Case {
        // `likelihood: "high"`: a string where a rating goes; no "likelihood missing".
        name: "wrong_type",
        file: "risks/R-001.yaml",
        edit: Text("likelihood: 2", "likelihood: \"high\""),
        expected: "schema/invalid risks/R-001.yaml:10:13",
    },
    Case {
        // `confidentiality: 4` on an asset of two risks: no level or appetite findings on
        // a level built from it.
        name: "rating_above_the_scale",
        file: "assets/information.yaml",
        edit: Text(
            "confidentiality: 3\nintegrity: 2\navailability: 2\nlocation: 基幹業務",
            "confidentiality: 4\nintegrity: 2\navailability: 2\nlocation: 基幹業務",
        ),
        expected: "schema/invalid assets/information.yaml:8:18",
    },
    Case {
        // `likelihood: 0`: the schema's minimum, not also "outside the scale".
        name: "rating_zero",
        file: "risks/R-001.yaml",
        edit: Text("likelihood: 2", "likelihood: 0"),
        expected: "schema/invalid risks/R-001.yaml:10:13",
    },
    Case {
        // A threat's occurrence above IPA's three steps.
        name: "occurrence_above_three",
        file: "threats.yaml",
        edit: Text(
            "origin: deliberate\noccurrence: 2\ndescription: 社外",
            "origin: deliberate\noccurrence: 4\ndescription: 社外",
        ),
        expected: "schema/invalid threats.yaml:83:13",
    },
    Case {
        // 2026-02-30 is not a date.
        name: "bad_date",
        file: "risks/R-001.yaml",
        edit: Text("due: 2027-03-31", "due: 2026-02-30"),
        expected: "schema/invalid risks/R-001.yaml:15:8",
    },
    Case {
        // `status: done` on an implemented control.
        name: "bad_enum",
        file: "controls/organizational.yaml",
        edit: Text(
            "id: C-POLICY\ntitle: 情報セキュリティ基本方針と対策基準の策定・周知\ncategory: organizational\nstatus: implemented",
            "id: C-POLICY\ntitle: 情報セキュリティ基本方針と対策基準の策定・周知\ncategory: organizational\nstatus: done",
        ),
        expected: "schema/invalid controls/organizational.yaml:7:9",
    },
    Case {
        // `origin: 意図的`: an enum value in Japanese (help: `deliberate`).
        name: "japanese_enum",
        file: "threats.yaml",
        edit: Text(
            "id: T-THEFT\nname: 盗難\norigin: deliberate",
            "id: T-THEFT\nname: 盗難\norigin: 意図的",
        ),
        expected: "schema/invalid threats.yaml:82:9",
    },
    Case {
        // `option: mitigate` on a transferred risk: no "treatment incomplete".
        name: "unknown_treatment_option",
        file: "risks/R-009.yaml",
        edit: Text("option: transfer", "option: mitigate"),
        expected: "schema/invalid risks/R-009.yaml:13:11",
    },
    Case {
        // `8.4:` unquoted is a number, not an id: the exclusion still counts for 8.4.
        name: "unquoted_number_exclusion_key",
        file: "soa.yaml",
        edit: Text("  \"8.4\":", "  8.4:"),
        expected: "schema/invalid soa.yaml:11:3",
    },
    Case {
        // `5.20:` unquoted is the number 5.2: the inclusion still counts for 5.20.
        name: "unquoted_number_inclusion_key",
        file: "soa.yaml",
        edit: Text("  \"5.20\":", "  5.20:"),
        expected: "schema/invalid soa.yaml:25:3",
    },
    Case {
        // `treatmnt:` on a high risk: not also "untreated".
        name: "misspelt_treatment_key",
        file: "risks/R-002.yaml",
        edit: Text("treatment:", "treatmnt:"),
        expected: "schema/invalid risks/R-002.yaml:12:1",
    },
    Case {
        // `likelyhood:`: not also "has no likelihood".
        name: "misspelt_likelihood_key",
        file: "risks/R-001.yaml",
        edit: Text("likelihood: 2\n", "likelyhood: 2\n"),
        expected: "schema/invalid risks/R-001.yaml:10:1",
    },
    Case {
        // No likelihood, and none to derive: R-017 names no vulnerability, so IPA's table
        // has no exploitability to read.
        name: "missing_likelihood",
        file: "risks/R-017.yaml",
        edit: Text("likelihood: 1\n", ""),
        expected: "schema/invalid risks/R-017.yaml:4:5",
    },
    Case {
        // `controls: C-SEGMENT`, a string for a list: not also "reduce has no controls".
        name: "treatment_controls_not_a_list",
        file: "risks/R-003.yaml",
        edit: Text(
            "controls: [C-SEGMENT, C-BACKUP, C-BCP, C-MEDIA, C-ANTIMALWARE]",
            "controls: C-SEGMENT",
        ),
        expected: "schema/invalid risks/R-003.yaml:14:13",
    },
    Case {
        // An acceptance dated 2026-10-32: not also "accept has no accepted_on".
        name: "acceptance_bad_date",
        file: "risks/R-018.yaml",
        edit: Text("accepted_on: 2026-10-01", "accepted_on: 2026-10-32"),
        expected: "schema/invalid risks/R-018.yaml:14:16",
    },
    Case {
        // `accepted_by: [ROLE-ADMIN]`, a list for a role: not also "no accepted_by".
        name: "accepted_by_a_list",
        file: "risks/R-018.yaml",
        edit: Text("accepted_by: ROLE-ADMIN", "accepted_by: [ROLE-ADMIN]"),
        expected: "schema/invalid risks/R-018.yaml:13:3",
    },
    Case {
        // A review every 0 months: no overdue review computed from it.
        name: "review_interval_zero",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("interval_months: 12", "interval_months: 0"),
        expected: "schema/invalid procedures/P-PASSWORD.yaml:17:27",
    },
    Case {
        // A misspelt top-level key of isms.yaml.
        name: "misspelt_config_key",
        file: "isms.yaml",
        edit: Text("language: ja", "langauge: ja"),
        expected: "schema/invalid isms.yaml:4:1",
    },
    // ---- Ids and references.
    Case {
        // A procedure without `id:`: its control still counts as implemented.
        name: "missing_id_on_procedure",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("id: P-PASSWORD\n", ""),
        expected: "schema/invalid procedures/P-PASSWORD.yaml:3:1",
    },
    Case {
        // A risk without `id:`: its assets still count as assessed.
        name: "missing_id_on_risk",
        file: "risks/R-001.yaml",
        edit: Text("id: R-001\n", ""),
        expected: "schema/invalid risks/R-001.yaml:3:1",
    },
    Case {
        // Two risks with one id.
        name: "duplicate_risk_id",
        file: "risks/R-002.yaml",
        edit: Text("id: R-002\n", "id: R-001\n"),
        expected: "id/duplicate risks/R-002.yaml:4:5",
    },
    Case {
        // A procedure copied with its id: the second is dropped, but the control it
        // implements (C-PASSWORD) still has a procedure.
        name: "duplicate_procedure_id",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("id: P-PASSWORD", "id: P-BACKUP"),
        expected: "id/duplicate procedures/P-PASSWORD.yaml:4:5",
    },
    Case {
        // `C-PASSWRD` in a risk's treatment.
        name: "misspelt_reference",
        file: "risks/R-001.yaml",
        edit: Text("C-PASSWORD,", "C-PASSWRD,"),
        expected: "ref/unknown risks/R-001.yaml:14:14",
    },
    Case {
        // A procedure's id where a control goes.
        name: "reference_to_the_wrong_kind",
        file: "risks/R-001.yaml",
        edit: Text("C-PASSWORD,", "P-PASSWORD,"),
        expected: "ref/wrong-kind risks/R-001.yaml:14:14",
    },
    Case {
        // `implements: [C-PASSWRD]`: not also "C-PASSWORD has no procedure".
        name: "misspelt_implements",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("implements: [C-PASSWORD]", "implements: [C-PASSWRD]"),
        expected: "ref/unknown procedures/P-PASSWORD.yaml:6:14",
    },
    Case {
        // `implements: [P-PASSWORD]`, the procedure itself: not also "no procedure".
        name: "wrong_kind_implements",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("implements: [C-PASSWORD]", "implements: [P-PASSWORD]"),
        expected: "ref/wrong-kind procedures/P-PASSWORD.yaml:6:14",
    },
    Case {
        // `A-090` for `A-009`, the only risk naming it: not also "A-009 unassessed".
        name: "misspelt_asset_reference",
        file: "risks/R-001.yaml",
        edit: Text("assets: [A-003, A-009]", "assets: [A-003, A-090]"),
        expected: "ref/unknown risks/R-001.yaml:7:17",
    },
    Case {
        // A misspelt role.
        name: "misspelt_owner",
        file: "risks/R-001.yaml",
        edit: Text("owner: ROLE-SALES", "owner: ROLE-SALE"),
        expected: "ref/unknown risks/R-001.yaml:11:8",
    },
    Case {
        // A misspelt threat in a vulnerability.
        name: "misspelt_threat_in_vulnerability",
        file: "vulnerabilities.yaml",
        edit: Text(
            "threats: [T-THEFT, T-RANSOMWARE, T-VULN-EXPLOIT, T-TARGETED, T-BEC]",
            "threats: [T-THEFT, T-RANSOMWARE, T-VULN-EXPLOIT, T-TARGETED, T-BEK]",
        ),
        expected: "ref/unknown vulnerabilities.yaml:7:62",
    },
    Case {
        // A mapping to a framework control that does not exist, on the only control of 5.1
        // (declared applicable): not also "5.1 has no control".
        name: "maps_to_unknown_control",
        file: "controls/organizational.yaml",
        edit: Text(
            "maps_to: [\"iso27001-2022:5.1\"]",
            "maps_to: [\"iso27001-2022:9.99\"]",
        ),
        expected: "ref/unknown controls/organizational.yaml:9:11",
    },
    Case {
        // `5.44` for 5.4, the only mapping of 5.4: not also "5.4 undecided".
        name: "maps_to_misspelt_control",
        file: "controls/organizational.yaml",
        edit: Text("\"iso27001-2022:5.4\"]", "\"iso27001-2022:5.44\"]"),
        expected: "ref/unknown controls/organizational.yaml:18:53",
    },
    Case {
        // An unknown framework name in maps_to.
        name: "maps_to_unknown_framework",
        file: "controls/organizational.yaml",
        edit: Text(
            "maps_to: [\"iso27001-2022:5.1\"]",
            "maps_to: [\"iso27001-2021:5.1\"]",
        ),
        expected: "ref/unknown controls/organizational.yaml:9:11",
    },
    Case {
        // A mapping without its framework.
        name: "maps_to_without_framework",
        file: "controls/organizational.yaml",
        edit: Text("maps_to: [\"iso27001-2022:5.1\"]", "maps_to: [\"5.1\"]"),
        expected: "schema/invalid controls/organizational.yaml:9:11",
    },
    Case {
        // A misspelt framework in isms.yaml.
        name: "unknown_framework_in_config",
        file: "isms.yaml",
        edit: Text(
            "frameworks: [iso27001-2022, iso27001-2022-clauses]",
            "frameworks: [iso27001-2021, iso27001-2022-clauses]",
        ),
        expected: "ref/unknown isms.yaml:5:14",
    },
    Case {
        // A misspelt framework on the SoA: its exclusions are not reported as missing.
        name: "misspelt_soa_framework",
        file: "soa.yaml",
        edit: Text("framework: iso27001-2022", "framework: iso27001-2021"),
        expected: "ref/unknown soa.yaml:5:12",
    },
    Case {
        // An exclusion of a control the framework does not have.
        name: "exclusion_of_unknown_control",
        file: "soa.yaml",
        edit: Text("exclusions:\n", "exclusions:\n  \"9.1\": 該当しない。\n"),
        expected: "ref/unknown soa.yaml:11:3",
    },
    // ---- Risks and the Statement of Applicability.
    Case {
        // A declared level that disagrees with impact × likelihood (3 × 2).
        name: "declared_level_disagrees",
        file: "risks/R-001.yaml",
        edit: Text("likelihood: 2\n", "likelihood: 2\nlevel: 4\n"),
        expected: "risk/level-mismatch risks/R-001.yaml:11:8",
    },
    Case {
        // The treatment removed from a high risk.
        name: "high_risk_without_treatment",
        file: "risks/R-002.yaml",
        edit: Text(R002_TREATMENT, ""),
        expected: "risk/untreated risks/R-002.yaml:4:5",
    },
    Case {
        // An accepted risk without `accepted_by`.
        name: "acceptance_without_accepted_by",
        file: "risks/R-018.yaml",
        edit: Text("  accepted_by: ROLE-ADMIN\n", ""),
        expected: "risk/treatment-incomplete risks/R-018.yaml:12:11",
    },
    Case {
        // A transferred risk without `to`.
        name: "transfer_without_to",
        file: "risks/R-009.yaml",
        edit: Text("  to: サンプル損害保険株式会社（サイバー保険）\n", ""),
        expected: "risk/treatment-incomplete risks/R-009.yaml:13:11",
    },
    Case {
        // An accepted risk whose likelihood rises to 3 (level 6 > appetite 2).
        name: "accepted_above_appetite",
        file: "risks/R-018.yaml",
        edit: Text("likelihood: 1", "likelihood: 3"),
        expected: "risk/accepted-above-appetite risks/R-018.yaml:12:11",
    },
    Case {
        // A residual of 9 for a risk of level 6: not also "residual above the appetite".
        name: "residual_above_inherent",
        file: "risks/R-001.yaml",
        edit: Text(
            "residual: {likelihood: 1}",
            "residual: {likelihood: 3, impact: 3}",
        ),
        expected: "risk/residual-above-inherent risks/R-001.yaml:18:1",
    },
    Case {
        // An exclusion of 8.13, which C-BACKUP maps to.
        name: "exclusion_contradicts_mapping",
        file: "soa.yaml",
        edit: Text(
            "exclusions:\n",
            "exclusions:\n  \"8.13\": バックアップは取得しない。\n",
        ),
        expected: "soa/contradiction soa.yaml:11:3",
    },
    Case {
        // One exclusion line deleted: 8.28 is undecided.
        name: "exclusion_deleted",
        file: "soa.yaml",
        edit: Text(
            "  \"8.28\": 自社でプログラムのコーディングを行わない。業務システムの開発・改修は社内規程で行わないと定めている。\n",
            "",
        ),
        expected: "soa/missing soa.yaml:5:12",
    },
    Case {
        // A review last done 20 months ago (every 12).
        name: "review_overdue",
        file: "procedures/P-PASSWORD.yaml",
        edit: Text("last: 2026-03-10", "last: 2025-03-10"),
        expected: "procedure/review-overdue procedures/P-PASSWORD.yaml:17:37",
    },
    Case {
        // `owner: 3`: a number where a role id belongs is the schema's finding, not also
        // "no role has the id 3".
        name: "owner_a_number",
        file: "risks/R-017.yaml",
        edit: Text("owner: ROLE-SALES", "owner: 3"),
        expected: "schema/invalid risks/R-017.yaml:10:8",
    },
    Case {
        // A date with slashes fails both the date's pattern and its format: one finding.
        name: "acceptance_date_with_slashes",
        file: "risks/R-018.yaml",
        edit: Text("accepted_on: 2026-10-01", "accepted_on: 2026/10/01"),
        expected: "schema/invalid risks/R-018.yaml:14:16",
    },
    Case {
        // Without leading zeros, quoted.
        name: "closed_on_without_zeros",
        file: "records/nonconformities.yaml",
        edit: Text("closed_on: 2026-10-20", "closed_on: \"2026-10-2\""),
        expected: "schema/invalid records/nonconformities.yaml:14:12",
    },
    Case {
        // Not a date at all, in an evidence record.
        name: "evidence_date_in_words",
        file: "records/evidence.yaml",
        edit: Text(
            "date: 2026-09-15\npath: evidence/audit-checklist-2026.md",
            "date: last week\npath: evidence/audit-checklist-2026.md",
        ),
        expected: "schema/invalid records/evidence.yaml:6:7",
    },
    Case {
        // A measurement dated 2026-13-45, inside a flow mapping of a list.
        name: "measurement_date_out_of_range",
        file: "records/objectives.yaml",
        edit: Text("{date: 2026-06-30,", "{date: 2026-13-45,"),
        expected: "schema/invalid records/objectives.yaml:14:12",
    },
    Case {
        // A document's review done on 2026/4/1.
        name: "document_review_date_with_slashes",
        file: "records/documents.yaml",
        edit: Text(
            "review: {interval_months: 12, last: 2026-04-01}\ntext: >-",
            "review: {interval_months: 12, last: 2026/4/1}\ntext: >-",
        ),
        expected: "schema/invalid records/documents.yaml:13:37",
    },
    Case {
        // An acceptance that expired two months ago.
        name: "acceptance_expired",
        file: "risks/R-018.yaml",
        edit: Text("expires: 2027-09-30", "expires: 2026-09-30"),
        expected: "risk/acceptance-expired risks/R-018.yaml:15:12",
    },
];

/// A fresh copy of company-example.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&root().join("company-example"), dir.path());
    dir
}

/// Applies a case's edit to its file; the text to replace must occur exactly once.
fn apply(dir: &Path, case: &Case) {
    let path = dir.join(case.file);
    let bytes = std::fs::read(&path).unwrap();
    let replace = |old: &[u8], new: &[u8]| {
        let at: Vec<usize> = (0..=bytes.len().saturating_sub(old.len()))
            .filter(|&i| bytes[i..].starts_with(old))
            .collect();
        assert_eq!(
            at.len(),
            1,
            "{}: the edit must match once in {}",
            case.name,
            case.file
        );
        [&bytes[..at[0]], new, &bytes[at[0] + old.len()..]].concat()
    };
    let edited = match case.edit {
        Text(old, new) => replace(old.as_bytes(), new.as_bytes()),
        Bytes(old, new) => replace(old, new),
        Encode(encode) => encode(std::str::from_utf8(&bytes).unwrap()),
        Whole(new) => new.to_vec(),
    };
    assert_ne!(edited, bytes, "{}: the edit changes nothing", case.name);
    std::fs::write(&path, edited).unwrap();
}

#[test]
fn the_example_is_clean() {
    let dir = example();
    let (json, code) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn one_mistake_one_finding() {
    assert!(CASES.len() >= 35);
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names are unique");
    let mut failures = Vec::new();
    for case in CASES {
        let dir = example();
        apply(dir.path(), case);
        let (json, _) = check_json(dir.path(), &["--lang", "en"]);
        let lines = finding_lines(&json);
        if lines != [case.expected] {
            let said: Vec<String> = json["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| format!("    {} — {} ({})", f["code"], f["message"], f["help"]))
                .collect();
            failures.push(format!(
                "{}: expected [{}], got {lines:#?}\n{}",
                case.name,
                case.expected,
                said.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn shift_jis_is_people() {
    // The hand-written bytes are the UTF-8 file re-encoded: the ASCII lines are the same,
    // and each other line has the same ASCII around its Japanese.
    let utf8 = std::fs::read_to_string(root().join("company-example/assets/people.yaml")).unwrap();
    let sjis: Vec<&[u8]> = PEOPLE_SHIFT_JIS.split(|&b| b == b'\n').collect();
    let lines: Vec<&str> = utf8.split('\n').collect();
    assert_eq!(sjis.len(), lines.len());
    for (s, u) in sjis.iter().zip(&lines) {
        let ascii = |b: &[u8]| -> Vec<u8> { b.iter().copied().filter(u8::is_ascii).collect() };
        if u.is_ascii() {
            assert_eq!(*s, u.as_bytes());
        } else {
            // A Shift_JIS trail byte may be ASCII ("人" is 0x90 0x6C), so only the key.
            let key = u.split(' ').next().unwrap();
            assert!(ascii(s).starts_with(key.as_bytes()), "{u}");
            assert!(s.iter().any(|b| !b.is_ascii()), "{u}");
        }
    }
}
