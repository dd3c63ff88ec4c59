//! What every level shares: `isms.yaml`, the roles, and the files around the YAML (schemas,
//! editor settings, `.gitignore`, pre-commit, the GitHub workflow).

use super::emit::{Body, Doc, File, SCHEMA_DIR};
use super::{L, Level};
use crate::i18n::Lang;

/// Where users get the hook and the Action. One place to change when the project moves.
pub const PROJECT_REPO: &str = "https://github.com/isms-toolkit/isms";
pub const ACTION: &str = "isms-toolkit/isms@v0";
pub const HOOK_REV: &str = "v0.1.0";

/// A role of the Lv.2 organisation (IPA's sample security regulations, as the deck shows it).
pub struct RoleText {
    pub id: &'static str,
    pub title: L,
    pub description: L,
    pub responsibilities: &'static [L],
}

pub const ROLES: &[RoleText] = &[
    RoleText {
        id: "ROLE-CEO",
        title: ("Chief executive", "代表取締役（経営者）"),
        description: (
            "Top management: owns the ISMS, approves the basic policy and gives it people and money.",
            "経営者。ISMS の最終責任を持ち、基本方針を承認し、必要な人員と予算を割り当てる。",
        ),
        responsibilities: &[
            (
                "Approve the basic security policy and announce it",
                "情報セキュリティ基本方針を承認し、社内外に示す",
            ),
            (
                "Provide the budget and people the ISMS needs",
                "ISMS に必要な予算と人員を確保する",
            ),
            (
                "Approve the Statement of Applicability and the risk treatment plan",
                "適用宣言書とリスク対応計画を承認する",
            ),
            (
                "Review the ISMS once a year (management review)",
                "年 1 回、ISMS の運用状況を見直す（マネジメントレビュー）",
            ),
        ],
    },
    RoleText {
        id: "ROLE-CISO",
        title: (
            "Information security officer (CISO)",
            "情報セキュリティ責任者",
        ),
        description: (
            "Decides on security measures and is accountable for them; chairs the information security committee.",
            "情報セキュリティ対策の決定権限を持ち、全責任を負う。情報セキュリティ委員会の委員長を務める。",
        ),
        responsibilities: &[
            (
                "Run the information security committee",
                "情報セキュリティ委員会を運営する",
            ),
            (
                "Decide and review the security standards",
                "対策基準を決定し、見直す",
            ),
            (
                "Approve risk assessments and accept residual risks",
                "リスクアセスメントの結果を承認し、残留リスクを受容する",
            ),
            (
                "Direct the response to security incidents",
                "情報セキュリティインシデントへの対応を指揮する",
            ),
        ],
    },
    RoleText {
        id: "ROLE-DEPT",
        title: ("Department security manager", "部門責任者"),
        description: (
            "Runs information security in one department and answers for the measures being carried out there.",
            "各部門の情報セキュリティの運用管理責任者（情報セキュリティ部門責任者）。部門内での対策の実施に責任を負う。",
        ),
        responsibilities: &[
            (
                "Keep the department's part of the asset register current",
                "部門の情報資産台帳を最新に保つ",
            ),
            (
                "Check that the department follows the standards and procedures",
                "部門内で対策基準と実施手順が守られているか確認する",
            ),
            (
                "Report security events in the department",
                "部門内で起きた情報セキュリティ事象を報告する",
            ),
        ],
    },
    RoleText {
        id: "ROLE-SYSADMIN",
        title: ("System administrator", "システム管理者"),
        description: (
            "Plans, introduces and operates the technical security measures of the company's IT.",
            "社内の情報システムに必要な情報セキュリティ対策を検討・導入し、運用する。",
        ),
        responsibilities: &[
            (
                "Configure and maintain PCs, servers, network devices and cloud services",
                "PC・サーバ・ネットワーク機器・クラウドサービスを設定し、維持する",
            ),
            (
                "Manage accounts and access rights",
                "アカウントとアクセス権を管理する",
            ),
            (
                "Carry out updates, backups and log checks",
                "更新・バックアップ・ログの確認を行う",
            ),
        ],
    },
    RoleText {
        id: "ROLE-EDU",
        title: ("Training lead", "教育責任者"),
        description: (
            "Plans and delivers the security training that staff need.",
            "情報セキュリティ対策を推進するため、従業員への教育を企画し、実施する。",
        ),
        responsibilities: &[
            ("Make the yearly training plan", "年間の教育計画を立てる"),
            (
                "Train new staff and all staff, and run exercises",
                "入社時教育・全員向け教育・訓練を行う",
            ),
            ("Keep attendance records", "受講記録を管理する"),
        ],
    },
];

/// The roles a level needs: Lv.1 only the owners of its risks and controls.
pub fn role_ids(level: Level) -> &'static [&'static str] {
    match level {
        Level::Quick => &["ROLE-CISO", "ROLE-SYSADMIN"],
        Level::Baseline | Level::Comprehensive => &[
            "ROLE-CEO",
            "ROLE-CISO",
            "ROLE-DEPT",
            "ROLE-SYSADMIN",
            "ROLE-EDU",
        ],
    }
}

/// One file per role, so that a later level adds the roles it needs beside the ones there.
pub fn role_files(level: Level, lang: Lang) -> Vec<File> {
    let header = (
        "A role of the security organisation. Fill in: members (who holds the role; in a small\ncompany one person may hold several roles), and adjust the responsibilities.",
        "情報セキュリティ体制の役割。記入すること: members（担当者の氏名。小さな会社では 1 人が複数の役割を兼ねてよい）。\n責任（responsibilities）は自社に合わせて直す。",
    );
    role_ids(level)
        .iter()
        .filter_map(|id| ROLES.iter().find(|r| r.id == *id))
        .map(|r| {
            let mut d = Doc::new("role", r.id);
            d.str("title", t(r.title, lang))
                .str("description", t(r.description, lang));
            let resp: Vec<&str> = r.responsibilities.iter().map(|x| t(*x, lang)).collect();
            d.list("responsibilities", &resp);
            d.raw(match lang {
                Lang::En => "members: []   # e.g. [Taro Yamada]",
                Lang::Ja => "members: []   # 例: [山田 太郎（総務部）]",
            });
            File::docs(format!("roles/{}.yaml", r.id), t(header, lang), vec![d])
        })
        .collect()
}

pub fn t(l: L, lang: Lang) -> &'static str {
    lang.pick(l.0, l.1)
}

/// `isms.yaml`.
pub fn config(level: Level, lang: Lang, organization: Option<&str>) -> File {
    let org = organization.unwrap_or(match lang {
        Lang::En => "Example Ltd.",
        Lang::Ja => "株式会社〇〇",
    });
    let frameworks = match level {
        Level::Quick => "[]",
        Level::Baseline => "[ipa-sme]",
        Level::Comprehensive => "[iso27001-2022]",
    };
    let fw = format!("frameworks: {frameworks}");
    let fw_line = format!("{fw:<31}");
    let (header, body) = match lang {
        Lang::En => (
            format!(
                "isms settings: organisation, language, the frameworks the SoA must cover, and the risk method.\n\
                 Started with `isms init --level {}`. Fill in: organization.\n\
                 frameworks grows with the level: [] for Lv.1, [ipa-sme] for Lv.2, add iso27001-2022 for Lv.3.",
                level.as_str()
            ),
            format!(
                "organization: {org}\n\
                 language: en\n\
                 {fw_line}# catalogs every control of which must be applied or excluded\n\
                 risk:                          # IPA's method (SME guideline): level = importance x likelihood\n\
                 \x20 likelihood: 3                # likelihood 1..3\n\
                 \x20 impact: 3                    # impact (importance) 1..3\n\
                 \x20 cia: 3                       # confidentiality / integrity / availability 1..3\n\
                 \x20 importance: max              # an asset's importance = max(C, I, A)\n\
                 \x20 bands: {{high: 6, medium: 4}}  # 6-9 high, 4 medium, 1-3 low\n\
                 \x20 acceptable: 3                # risk appetite: levels up to 3 (low) may be accepted\n\
                 \x20 likelihood_from: ipa         # likelihood from the threat's occurrence and the vulnerabilities' exploitability\n\
                 \x20 labels:\n\
                 \x20   likelihood: [low, medium, high]\n\
                 \x20   impact: [low, medium, high]\n",
                org = super::emit::scalar(org)
            ),
        ),
        Lang::Ja => (
            format!(
                "isms の設定：組織名、言語、適用宣言書で網羅する規格、リスク評価の方法。\n\
                 `isms init --level {}` で作成。記入すること: organization（組織名）。\n\
                 frameworks はレベルとともに増える: Lv.1 は []、Lv.2 は [ipa-sme]、Lv.3 で iso27001-2022 を加える。",
                level.as_str()
            ),
            format!(
                "organization: {org}\n\
                 language: ja\n\
                 {fw_line}# すべての管理策を適用または除外する規格\n\
                 risk:                          # IPA の方法（中小企業の情報セキュリティ対策ガイドライン）: リスク値 = 重要度 × 被害発生可能性\n\
                 \x20 likelihood: 3                # 被害発生可能性 1..3\n\
                 \x20 impact: 3                    # 重要度 1..3\n\
                 \x20 cia: 3                       # 機密性・完全性・可用性 1..3\n\
                 \x20 importance: max              # 資産の重要度 = max(機密性, 完全性, 可用性)\n\
                 \x20 bands: {{high: 6, medium: 4}}  # 6〜9 大、4 中、1〜3 小\n\
                 \x20 acceptable: 3                # リスク受容基準: リスク値 3 以下（小）は受容できる\n\
                 \x20 likelihood_from: ipa         # 被害発生可能性を脅威の起こりやすさと脆弱性のつけ込みやすさから求める（IPA の換算表）\n\
                 \x20 labels:\n\
                 \x20   likelihood: [低, 中, 高]\n\
                 \x20   impact: [小, 中, 大]\n",
                org = super::emit::scalar(org)
            ),
        ),
    };
    File {
        path: crate::config::CONFIG_FILE.to_owned(),
        header,
        body: Body::Config(body),
        fresh_only: false,
    }
}

/// The folders and files the starters use, for the editor's schema mapping.
const ENTITY_GLOBS: &[&str] = &[
    "roles/*.yaml",
    "assets.yaml",
    "standards/*.yaml",
    "policy.yaml",
    "controls/**/*.yaml",
    "procedures/**/*.yaml",
    "soa.yaml",
];

/// Schemas, editor settings, `.gitignore`, pre-commit and the GitHub workflow.
pub fn tooling(lang: Lang) -> Vec<File> {
    let mut files: Vec<File> = crate::schema::FILES
        .iter()
        .map(|(name, text)| File::plain(format!("{SCHEMA_DIR}/{name}"), *text))
        .collect();
    let globs = ENTITY_GLOBS
        .iter()
        .map(|g| format!("\"{g}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let settings = match lang {
        Lang::En => format!(
            "{{\n  // isms: completion and checks while typing, with the YAML extension (redhat.vscode-yaml).\n  \
             // The schemas are in .isms/schema; add the folders you create to the second list.\n  \
             \"yaml.schemas\": {{\n    \"./{SCHEMA_DIR}/config.schema.json\": [\"isms.yaml\"],\n    \
             \"./{SCHEMA_DIR}/isms.schema.json\": [{globs}]\n  }}\n}}\n"
        ),
        Lang::Ja => format!(
            "{{\n  // isms: YAML 拡張機能（redhat.vscode-yaml）で入力補完と入力中のチェックを行う設定。\n  \
             // スキーマは .isms/schema にある。自分で作ったフォルダは 2 つ目のリストに追加する。\n  \
             \"yaml.schemas\": {{\n    \"./{SCHEMA_DIR}/config.schema.json\": [\"isms.yaml\"],\n    \
             \"./{SCHEMA_DIR}/isms.schema.json\": [{globs}]\n  }}\n}}\n"
        ),
    };
    files.push(File::plain(".vscode/settings.json", settings));
    files.push(File::plain(
        ".vscode/extensions.json",
        "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n",
    ));
    let gitignore = match lang {
        Lang::En => {
            "# Reports made with `isms soa -o` or `isms report -o` are outputs: keep them out of git.\n/out/\n# Office lock files and operating-system clutter\n~$*\n.DS_Store\nThumbs.db\n"
        }
        Lang::Ja => {
            "# `isms soa -o` や `isms report -o` で作る報告書は生成物なので git に入れない\n/out/\n# Office のロックファイルと OS が作るファイル\n~$*\n.DS_Store\nThumbs.db\n"
        }
    };
    files.push(File::plain(".gitignore", gitignore));
    let precommit = match lang {
        Lang::En => format!(
            "# pre-commit (https://pre-commit.com) runs `isms check` before every commit, so a broken\n\
             # reference never lands. Once per clone: pip install pre-commit && pre-commit install\n\
             repos:\n  - repo: {PROJECT_REPO}\n    rev: {HOOK_REV}   # pin a release tag; `pre-commit autoupdate` moves it\n    hooks:\n      - id: isms-check\n"
        ),
        Lang::Ja => format!(
            "# pre-commit（https://pre-commit.com）でコミットのたびに `isms check` を実行し、壊れた参照を取り込まない。\n\
             # クローンごとに 1 回: pip install pre-commit && pre-commit install\n\
             repos:\n  - repo: {PROJECT_REPO}\n    rev: {HOOK_REV}   # リリースのタグに固定する（`pre-commit autoupdate` で更新）\n    hooks:\n      - id: isms-check\n"
        ),
    };
    files.push(File::plain(".pre-commit-config.yaml", precommit));
    let (c_top, c_perm, c_fetch, c_pin) = match lang {
        Lang::En => (
            "# GitHub Actions: `isms check` on every push and pull request. On a pull request the Action\n# annotates the changed lines and keeps one comment saying what the change does to the risks.",
            "# to post and update the pull-request comment",
            "# the whole history, so that the change can be compared with its base",
            "# Pin the Action: a release tag, or better a full commit SHA (isms-toolkit/isms@<sha>).",
        ),
        Lang::Ja => (
            "# GitHub Actions: push とプルリクエストのたびに `isms check` を実行する。プルリクエストでは\n# 変更した行に注釈を付け、リスクへの影響をまとめたコメントを 1 つ更新し続ける。",
            "# プルリクエストへのコメントの投稿・更新に必要",
            "# 変更前との比較のため、履歴をすべて取得する",
            "# Action は固定して使う: リリースのタグ、できればコミット SHA（isms-toolkit/isms@<sha>）。",
        ),
    };
    files.push(File::plain(
        ".github/workflows/isms.yml",
        format!(
            "{c_top}\nname: isms\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\n  pull-requests: write   {c_perm}\njobs:\n  isms:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0   {c_fetch}\n      {c_pin}\n      - uses: {ACTION}\n"
        ),
    ));
    files
}
