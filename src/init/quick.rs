//! Lv.1 quick approach: one security standard per threat of IPA's 10 major threats, as the
//! deck's ransomware example — 1. the threat, then organisational, people, physical and
//! technical measures (2–5), each a control with its procedure. The text is this project's
//! own; threat ids and titles come from `controls/threats-ipa-10.yaml`.

use super::common::t;
use super::emit::{Doc, File};
use super::{L, Level};
use crate::catalog::StarterThreat;
use crate::i18n::Lang;

/// One measure: a control (the standard) and its procedure (three steps).
pub struct Measure {
    pub title: L,
    pub description: L,
    pub maps_to: &'static [&'static str],
    pub steps: [L; 3],
}

/// The standard for one threat.
pub struct Standard {
    /// Rank in the current IPA list (1..10): the threat is `IPA-<year>-<rank>`.
    pub rank: u32,
    /// Id stem: `C-<key>-ORG`, `R-<key>`.
    pub key: &'static str,
    /// File stem under `standards/`, also accepted by `--threat`.
    pub file: &'static str,
    /// IPA 起こりやすさ 1..3.
    pub occurrence: i64,
    pub threat: L,
    pub vulnerability: L,
    pub vulnerability_category: &'static str,
    pub risk: L,
    /// Organisational, people, physical, technical.
    pub measures: [Measure; 4],
}

const CATEGORIES: [(&str, &str, L); 4] = [
    (
        "organizational",
        "ORG",
        ("2. Organisational measures", "2. 組織的対策"),
    ),
    ("people", "PEOPLE", ("3. People measures", "3. 人的対策")),
    (
        "physical",
        "PHYSICAL",
        ("4. Physical measures", "4. 物理的対策"),
    ),
    (
        "technological",
        "TECH",
        ("5. Technical measures", "5. 技術的対策"),
    ),
];

pub const STANDARDS: &[Standard] = &[
    Standard {
        rank: 1,
        key: "RANSOM",
        file: "ransomware",
        occurrence: 3,
        threat: (
            "Ransomware encrypts or destroys business data and backups and stops work; data stolen first is threatened with publication unless a ransom is paid.",
            "ランサムウェアに感染し、業務データやバックアップが暗号化・破壊されて業務が止まる。事前に盗まれたデータを公開すると脅され、金銭を要求される。",
        ),
        vulnerability: (
            "Unpatched VPN and internet-facing devices, and no backup kept off the network",
            "VPN 機器など外部に公開した機器の修正プログラムの未適用と、ネットワークから切り離したバックアップの欠如",
        ),
        vulnerability_category: "software",
        risk: (
            "Business data encrypted or leaked and work stopped by a ransom attack",
            "ランサム攻撃による業務データの暗号化・漏えいと業務の停止",
        ),
        measures: [
            Measure {
                title: (
                    "Incident response ready for ransomware",
                    "ランサムウェアに備えたインシデント対応体制",
                ),
                description: (
                    "Decide in advance who is called, who decides and what is done first when ransomware strikes, and agree the company's stance on paying a ransom with management.",
                    "感染したときの連絡先・判断する人・最初に行うことをあらかじめ決め、身代金を支払うかどうかの方針を経営者と合意しておく。",
                ),
                maps_to: &["iso27001-2022:5.24", "iso27001-2022:5.26", "ipa-sme:24"],
                steps: [
                    (
                        "On a ransom note or files that no longer open, unplug the network cable and turn off Wi-Fi (leave the power on), then call the system administrator",
                        "脅迫文が表示された、ファイルが開けないなどの異常に気づいたら、LAN ケーブルを抜き無線 LAN を切り（電源は切らない）、システム管理者に連絡する",
                    ),
                    (
                        "The information security officer confirms the extent of the damage and calls the police, the IT vendor and the insurer from the contact list",
                        "情報セキュリティ責任者が被害の範囲を確認し、連絡先一覧に沿って警察・保守ベンダー・保険会社に連絡する",
                    ),
                    (
                        "Decide how to restore from backup and how to prevent a repeat, and keep a record of the response",
                        "バックアップからの復旧方法と再発防止策を決め、対応の記録を残す",
                    ),
                ],
            },
            Measure {
                title: (
                    "Care with mail, links and unknown software, and prompt reporting",
                    "不審なメール・リンク・ソフトウェアへの注意と報告",
                ),
                description: (
                    "Do not open attachments or click links in e-mail and SMS without thinking, do not run software of unknown origin, and report anything odd at once.",
                    "メールの添付ファイルやメール・SMS のリンクを安易に開かず、提供元が不明なソフトウェアを実行しない。おかしいと思ったらすぐに報告・連絡・相談する。",
                ),
                maps_to: &[
                    "iso27001-2022:6.3",
                    "iso27001-2022:6.8",
                    "ipa-sme:6",
                    "ipa-sme:20",
                ],
                steps: [
                    (
                        "Once a year, teach all staff how ransomware gets in and how to report",
                        "年 1 回、ランサムウェアの侵入の手口と報告の仕方を全従業員に教育する",
                    ),
                    (
                        "Forward a suspicious e-mail to the system administrator without opening its attachments or links",
                        "不審なメールは添付ファイルやリンクを開かずにシステム管理者に転送して報告する",
                    ),
                    (
                        "Never blame the person who reports; share what was reported at the security committee",
                        "報告した人を責めず、報告された内容を情報セキュリティ委員会で共有する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Backups, with one copy kept off the network",
                    "バックアップの適切な運用（ネットワークから切り離した保管）",
                ),
                description: (
                    "Back up important data regularly and keep at least one generation on media that is disconnected from the network and locked away.",
                    "重要なデータのバックアップを定期的に取得し、少なくとも 1 世代はネットワークから切り離した媒体に保管して施錠する。",
                ),
                maps_to: &["iso27001-2022:8.13", "iso27001-2022:7.10", "ipa-sme:11"],
                steps: [
                    (
                        "Back up the file server and cloud data automatically every day",
                        "ファイルサーバとクラウド上のデータを毎日自動でバックアップする",
                    ),
                    (
                        "Once a week, copy the backup to external media, disconnect it and lock it away",
                        "週 1 回、バックアップを外付けの媒体にコピーし、取り外して施錠保管する",
                    ),
                    (
                        "Once a quarter, test that data can be restored from the backup, and record the result",
                        "四半期に 1 回、バックアップから復元できることを試し、結果を記録する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Protection against intrusion, least privilege and multi-factor authentication",
                    "不正アクセス対策・アクセス権の最小化・多要素認証",
                ),
                description: (
                    "Patch public servers and VPN devices quickly, give access to shared servers only to those who need it, turn on multi-factor authentication, and protect servers, clients and the network with anti-malware and secure settings.",
                    "公開サーバや VPN 機器の修正プログラムを速やかに適用し、共有サーバなどへのアクセス権を必要最小限にする。多要素認証を有効にし、サーバ・クライアント・ネットワークにウイルス対策や安全な設定などの対策を行う。",
                ),
                maps_to: &[
                    "iso27001-2022:8.8",
                    "iso27001-2022:5.15",
                    "iso27001-2022:8.5",
                    "iso27001-2022:8.7",
                    "ipa-sme:1",
                    "ipa-sme:2",
                    "ipa-sme:3",
                    "ipa-sme:4",
                ],
                steps: [
                    (
                        "Check vulnerability news for VPN devices and public servers weekly and apply the fixes",
                        "VPN 機器・公開サーバの脆弱性情報を毎週確認し、修正プログラムを適用する",
                    ),
                    (
                        "Review access rights to shared folders every quarter and remove those no longer needed",
                        "共有フォルダのアクセス権を四半期ごとに見直し、不要な権限を削除する",
                    ),
                    (
                        "Turn on multi-factor authentication for remote access and cloud services, and check that anti-malware definitions are current",
                        "リモートアクセスとクラウドサービスで多要素認証を有効にし、ウイルス対策ソフトの定義ファイルが最新であることを確認する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 2,
        key: "SUPPLY",
        file: "supply-chain",
        occurrence: 2,
        threat: (
            "A contractor or business partner with weak security is attacked, and the attacker reaches the company's information or systems through it; the company can also become the stepping stone to its own customers.",
            "セキュリティ対策の弱い委託先や取引先が攻撃され、そこを経由して自社の情報が漏えいしたり自社のシステムに侵入されたりする。自社が踏み台となって取引先に被害が及ぶこともある。",
        ),
        vulnerability: (
            "Contractors' security and their connections to the company not managed",
            "委託先のセキュリティ対策と自社への接続の管理が不十分",
        ),
        vulnerability_category: "organization",
        risk: (
            "Information leaked through contractors and partners, and damage passed on to customers",
            "委託先・取引先を経由した攻撃による情報漏えいと取引先への被害の拡大",
        ),
        measures: [
            Measure {
                title: (
                    "Security requirements when choosing and contracting suppliers",
                    "委託先の選定と契約でのセキュリティ要求",
                ),
                description: (
                    "Check the security of a contractor that will handle important information before choosing it, and write confidentiality, incident reporting and subcontracting terms into the contract.",
                    "重要な情報を扱う委託先は、セキュリティ対策の状況を確認してから選び、契約に秘密保持・事故時の報告・再委託の条件を定める。",
                ),
                maps_to: &[
                    "iso27001-2022:5.19",
                    "iso27001-2022:5.20",
                    "iso27001-2022:5.21",
                    "ipa-sme:22",
                    "ipa-sme:23",
                ],
                steps: [
                    (
                        "Keep a list of contractors with the information they handle and whether they connect to our systems",
                        "委託先の一覧を作り、扱う情報と自社システムへの接続の有無を記録する",
                    ),
                    (
                        "Before a new contract, check the contractor's security with a checklist",
                        "新しく委託する前に、チェックシートで委託先のセキュリティ対策を確認する",
                    ),
                    (
                        "Once a year, review each contractor's security and contract",
                        "年 1 回、委託先の対策状況と契約内容を見直す",
                    ),
                ],
            },
            Measure {
                title: (
                    "Checking requests from 'partners', and rules for handing over information",
                    "取引先を名乗る連絡の確認と情報の受け渡しのルール",
                ),
                description: (
                    "When a request or attachment from a partner looks unusual, confirm it through another channel; give contractors only the information they need.",
                    "取引先を名乗るメールの依頼や添付ファイルにいつもと違う点があれば、別の連絡手段で確認する。委託先に渡す情報は必要最小限にする。",
                ),
                maps_to: &["iso27001-2022:6.3", "iso27001-2022:5.14", "ipa-sme:20"],
                steps: [
                    (
                        "Share cases of attacks disguised as partners in training",
                        "取引先を装った攻撃の事例を教育で共有する",
                    ),
                    (
                        "Confirm unusual requests by telephone or another known contact",
                        "普段と異なる依頼は、電話など登録済みの連絡先で確認する",
                    ),
                    (
                        "Hand information to contractors only by approved means (encryption, an approved sharing service) and record it",
                        "委託先への情報の受け渡しは承認された方法（暗号化、承認した共有サービス）で行い、記録する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Control of visits and equipment brought in by contractors",
                    "委託先・来訪者の立入りと機器の持込みの管理",
                ),
                description: (
                    "Record the visits of contractors, for maintenance for example, keep them to the work area, and have them apply in advance for the PCs and media they bring.",
                    "保守作業などで来訪する委託先の立入りを記録し、作業する場所を限る。持ち込む PC や媒体は事前に申請させる。",
                ),
                maps_to: &["iso27001-2022:7.2", "ipa-sme:15"],
                steps: [
                    (
                        "Visitors sign in at reception and wear a visitor badge",
                        "来訪者は受付で記帳し、入館証を着用する",
                    ),
                    (
                        "An employee accompanies visitors into the server room and other restricted areas",
                        "サーバ室など立入りを制限した場所には社員が同行する",
                    ),
                    (
                        "Only equipment and media applied for in advance may be connected",
                        "事前に申請し許可した機器・媒体以外は接続させない",
                    ),
                ],
            },
            Measure {
                title: (
                    "Restricting contractors' connections and accounts",
                    "委託先からの接続とアカウントの制限",
                ),
                description: (
                    "Limit contractors' remote maintenance and accounts to the time and scope needed, require multi-factor authentication, keep logs, and remove the accounts when the contract ends.",
                    "委託先のリモート保守やアカウントは必要な期間と範囲に限り、多要素認証を必須にして利用の記録を残す。契約が終わったらすぐに削除する。",
                ),
                maps_to: &[
                    "iso27001-2022:5.18",
                    "iso27001-2022:8.5",
                    "iso27001-2022:8.15",
                    "ipa-sme:4",
                ],
                steps: [
                    (
                        "Keep a list of each contractor's accounts and connection routes",
                        "委託先ごとのアカウントと接続経路を一覧で管理する",
                    ),
                    (
                        "Enable remote-maintenance access only while work is done, and keep its logs",
                        "リモート保守の接続は作業のときだけ有効にし、ログを保存する",
                    ),
                    (
                        "Delete accounts when a contract ends or the contractor's staff changes",
                        "契約の終了時や担当者の交代時にアカウントを削除する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 3,
        key: "AI",
        file: "ai",
        occurrence: 2,
        threat: (
            "Confidential information typed into generative AI leaks, wrong AI output is used as it is, and attackers use AI to make fraud and attacks more convincing.",
            "生成 AI に入力した機密情報が漏えいする、AI の誤った出力をそのまま使って損害が出る、AI を悪用した巧妙な詐欺や攻撃を受ける。",
        ),
        vulnerability: (
            "No rules for generative AI, and no control over which AI services are used",
            "生成 AI の利用ルールがなく、使われている AI サービスを把握していない",
        ),
        vulnerability_category: "organization",
        risk: (
            "Confidential information leaked through generative AI, and damage from wrong output",
            "生成 AI の利用による機密情報の漏えいと誤った出力による損害",
        ),
        measures: [
            Measure {
                title: ("Rules for using generative AI", "生成 AI の利用ルール"),
                description: (
                    "Decide which AI services may be used, what must never be entered (personal data, customers' confidential information) and how output is checked, and make it known.",
                    "利用してよい AI サービス、入力してはいけない情報（個人情報、顧客の機密情報など）、出力の確認方法を定めて周知する。",
                ),
                maps_to: &["iso27001-2022:5.10", "iso27001-2022:5.23", "ipa-sme:25"],
                steps: [
                    (
                        "List the AI services used in the company",
                        "社内で使われている AI サービスを洗い出す",
                    ),
                    (
                        "Write down the approved services and the information that must not be entered, and have the committee approve them",
                        "利用を認めるサービスと入力してはいけない情報をルールにまとめ、委員会で承認する",
                    ),
                    (
                        "Make the rules known to all staff and review them once a year",
                        "ルールを全従業員に周知し、年 1 回見直す",
                    ),
                ],
            },
            Measure {
                title: (
                    "Checking AI output, and watching for AI-assisted fraud",
                    "AI の出力の確認と AI を悪用した詐欺への注意",
                ),
                description: (
                    "Check facts and rights before using AI output; know that AI makes fluent fraudulent mail and fake voices and videos, and confirm money requests by another channel.",
                    "AI の出力は事実関係や権利を確認してから使う。AI で作られた自然な文面の詐欺メールや偽の音声・動画があることを知り、送金などの依頼は別の手段で確認する。",
                ),
                maps_to: &["iso27001-2022:6.3", "ipa-sme:20"],
                steps: [
                    (
                        "Show examples of AI mistakes and AI-assisted fraud in training",
                        "教育で AI の誤りと AI を悪用した詐欺の事例を紹介する",
                    ),
                    (
                        "Have someone other than the author check AI output before it leaves the company",
                        "AI の出力を社外に出す前に、作成者以外が確認する",
                    ),
                    (
                        "Confirm suspicious requests through a known contact",
                        "不審な依頼は登録済みの連絡先で確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Recording and transcription devices in meetings",
                    "録音・文字起こし機器の持込みと利用の管理",
                ),
                description: (
                    "Devices and apps that record or transcribe with AI may be used in meetings and places where confidential matters are discussed only with permission.",
                    "AI による録音・文字起こしの機能を持つ機器やアプリを、機密を扱う会議や場所で使うときは事前に許可を得る。",
                ),
                maps_to: &["iso27001-2022:7.6"],
                steps: [
                    (
                        "Make recording devices subject to permission in rooms where confidential matters are discussed",
                        "機密を扱う会議室での録音機器の利用を許可制にする",
                    ),
                    (
                        "Decide where permitted recordings are stored and when they are deleted",
                        "許可した録音データの保存先と削除の時期を決める",
                    ),
                    (
                        "At the start of a meeting, confirm whether it is recorded or transcribed",
                        "会議の冒頭で録音・文字起こしの有無を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Configuring approved AI services and blocking others",
                    "利用を認めた AI サービスの設定と無許可サービスの制限",
                ),
                description: (
                    "Use AI services with company accounts set so that input is not used for training, and restrict access to unapproved AI services with web filtering.",
                    "AI サービスは会社のアカウントで使い、入力したデータを学習に使わない設定にする。無許可の AI サービスへのアクセスは Web フィルタリングなどで制限する。",
                ),
                maps_to: &["iso27001-2022:5.23", "iso27001-2022:8.23", "ipa-sme:23"],
                steps: [
                    (
                        "Issue company accounts and check that training on input is turned off",
                        "会社のアカウントを発行し、入力データを学習に使わない設定を確認する",
                    ),
                    (
                        "Restrict unapproved AI services with web filtering",
                        "Web フィルタリングで無許可の AI サービスを制限する",
                    ),
                    (
                        "Review how AI services are used every quarter",
                        "四半期ごとに AI サービスの利用状況を確認する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 4,
        key: "VULN",
        file: "vulnerabilities",
        occurrence: 3,
        threat: (
            "Attackers exploit vulnerabilities in operating systems, software and network devices to break in, steal information or plant ransomware, often within days of a fix being published.",
            "OS・ソフトウェア・ネットワーク機器の脆弱性を突かれ、侵入・情報の窃取・ランサムウェアへの感染などの被害を受ける。修正プログラムの公開から間もなく悪用されることが多い。",
        ),
        vulnerability: (
            "Late patching and products past their end of support",
            "修正プログラムの適用の遅れと、サポートが終了した製品の利用",
        ),
        vulnerability_category: "software",
        risk: (
            "Information leaked and work stopped by intrusion through system vulnerabilities",
            "システムの脆弱性を悪用した侵入による情報漏えいと業務の停止",
        ),
        measures: [
            Measure {
                title: (
                    "Knowing the IT assets and following vulnerability news",
                    "IT 資産の把握と脆弱性情報の収集",
                ),
                description: (
                    "Keep a register of devices, software and cloud services with versions, and name someone who follows vendor, IPA and JPCERT/CC vulnerability news.",
                    "使っている機器・ソフトウェア・クラウドサービスをバージョンとともに台帳で把握し、ベンダーや IPA・JPCERT/CC の脆弱性情報を確認する担当を決める。",
                ),
                maps_to: &["iso27001-2022:5.9", "iso27001-2022:5.7", "ipa-sme:5"],
                steps: [
                    (
                        "Record devices and software with version and end of support in the IT asset register",
                        "IT 資産台帳に機器・ソフトウェアのバージョンとサポート期限を記録する",
                    ),
                    (
                        "Check vulnerability news weekly against the register",
                        "週 1 回、脆弱性情報を確認して台帳と照らし合わせる",
                    ),
                    (
                        "When something is affected, set a deadline for the fix and report to the committee",
                        "影響がある場合は対応の期限を決めて委員会に報告する",
                    ),
                ],
            },
            Measure {
                title: ("Acting on update notices", "更新の通知への対応"),
                description: (
                    "Do not put off update notices on PCs and smartphones: apply updates promptly as instructed.",
                    "PC やスマートフォンの更新の通知を放置せず、指示に従って速やかに更新する。",
                ),
                maps_to: &["iso27001-2022:6.3", "ipa-sme:1"],
                steps: [
                    (
                        "Explain in training why updates matter and how to apply them",
                        "教育で更新の重要性と手順を伝える",
                    ),
                    (
                        "Apply an update the day it is offered, or ask the system administrator if you cannot",
                        "更新の通知があればその日のうちに適用し、できないときはシステム管理者に相談する",
                    ),
                    (
                        "The system administrator checks monthly for devices not updated and contacts their users",
                        "システム管理者は月 1 回、更新されていない端末を確認して利用者に連絡する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Retiring unsupported equipment and disposing of it safely",
                    "サポートが終了した機器の撤去と安全な廃棄",
                ),
                description: (
                    "Replace equipment before its support ends, and erase the storage of removed equipment before disposal.",
                    "サポートが終了する機器は計画的に更新し、撤去した機器は記憶媒体のデータを消去してから廃棄する。",
                ),
                maps_to: &["iso27001-2022:7.14", "ipa-sme:18"],
                steps: [
                    (
                        "Once a year, find equipment near its end of support in the register and plan its replacement",
                        "年 1 回、台帳でサポート期限が近い機器を確認し、更新の計画を立てる",
                    ),
                    (
                        "Lock removed equipment away, then erase or physically destroy its storage",
                        "撤去した機器は施錠保管し、データの消去または物理的な破壊を行う",
                    ),
                    (
                        "Keep the disposal records (certificates)",
                        "廃棄の記録（証明書）を保管する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Applying patches and checking for vulnerabilities",
                    "修正プログラムの適用と脆弱性の確認",
                ),
                description: (
                    "Turn on automatic updates, apply urgent fixes to VPN devices and public servers first, and check the devices visible from the internet for vulnerabilities regularly.",
                    "OS やソフトウェアの自動更新を有効にし、VPN 機器や公開サーバの緊急の修正を優先して適用する。外部から見える機器は定期的に脆弱性を確認する。",
                ),
                maps_to: &["iso27001-2022:8.8", "iso27001-2022:8.19", "ipa-sme:1"],
                steps: [
                    (
                        "Turn on automatic updates on all devices and check their state monthly",
                        "すべての端末で自動更新を有効にし、適用状況を月 1 回確認する",
                    ),
                    (
                        "Apply urgent fixes to VPN devices and public servers within days of release",
                        "VPN 機器・公開サーバの緊急の修正は公開から数日以内に適用する",
                    ),
                    (
                        "Once a year, scan the devices visible from the internet for vulnerabilities",
                        "年 1 回、外部から見える機器の脆弱性診断を行う",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 5,
        key: "TARGETED",
        file: "targeted-attack",
        occurrence: 2,
        threat: (
            "An attacker picks the company, infects it with mail or web sites dressed up as ordinary business, stays hidden for a long time and steals confidential information.",
            "特定の組織を狙い、業務を装ったメールや Web サイトでマルウェアに感染させ、長い期間潜伏して機密情報を盗み出す。",
        ),
        vulnerability: (
            "Staff not alert to suspicious mail, and no means of detecting an infection",
            "不審なメールへの警戒が不十分で、感染を検知する仕組みがない",
        ),
        vulnerability_category: "personnel",
        risk: (
            "Confidential technical or customer information stolen by a targeted attack",
            "標的型攻撃による機密情報（技術情報・顧客情報）の窃取",
        ),
        measures: [
            Measure {
                title: (
                    "Classifying confidential information and rules for handling it",
                    "機密情報の分類と取扱いのルール",
                ),
                description: (
                    "Decide which information is confidential, mark it, and limit where it is stored and who can read it.",
                    "守るべき機密情報を決めて表示し、保存する場所と閲覧できる人を限る。",
                ),
                maps_to: &[
                    "iso27001-2022:5.12",
                    "iso27001-2022:5.13",
                    "iso27001-2022:5.15",
                    "ipa-sme:4",
                ],
                steps: [
                    (
                        "Define the classes of information (for example secret, internal, public) and how they are marked",
                        "情報の区分（例: 秘密・社外秘・公開）と表示の方法を決める",
                    ),
                    (
                        "Decide where confidential information is stored and who may access it",
                        "機密情報の保存場所を決め、アクセスできる人を限る",
                    ),
                    (
                        "Review the classes and storage places once a year",
                        "年 1 回、区分と保存場所を見直す",
                    ),
                ],
            },
            Measure {
                title: ("Training for targeted e-mail", "標的型メールへの対応の訓練"),
                description: (
                    "Teach what targeted e-mail looks like and what to do after opening one, and check it with exercises.",
                    "標的型メールの特徴と、開いてしまったときの対応を教育し、訓練で確かめる。",
                ),
                maps_to: &[
                    "iso27001-2022:6.3",
                    "iso27001-2022:6.8",
                    "ipa-sme:6",
                    "ipa-sme:20",
                ],
                steps: [
                    (
                        "Once a year, teach cases of targeted e-mail and how to report",
                        "年 1 回、標的型メールの事例と報告の手順を教育する",
                    ),
                    (
                        "Once a year, send an exercise mail and check who opened and who reported it",
                        "年 1 回、訓練メールを送り、開封と報告の状況を確認する",
                    ),
                    (
                        "Report the results to the committee and improve the training",
                        "結果を委員会に報告し、教育の内容に反映する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Locked storage of confidential papers and media, and a clear desk",
                    "機密書類・媒体の施錠保管とクリアデスク",
                ),
                description: (
                    "Lock away papers and media with confidential information after use; leave nothing on the desk and lock the screen when away.",
                    "機密情報を含む書類や媒体は使い終わったら施錠保管し、離席するときは机の上に放置せず画面をロックする。",
                ),
                maps_to: &[
                    "iso27001-2022:7.7",
                    "iso27001-2022:7.10",
                    "ipa-sme:12",
                    "ipa-sme:14",
                ],
                steps: [
                    (
                        "Name a cabinet for confidential papers and who keeps its key",
                        "機密書類の保管庫と鍵の管理者を決める",
                    ),
                    (
                        "At the end of the day, the department manager checks that no papers or media are left on desks",
                        "退社時に机の上に書類や媒体が残っていないことを部門責任者が確認する",
                    ),
                    (
                        "Enforce the screen lock on leaving by device settings",
                        "離席時の画面ロックを端末の設定で強制する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Anti-malware and watching for suspicious traffic",
                    "マルウェア対策と不審な通信の監視",
                ),
                description: (
                    "Filter e-mail for malware and spoofing, protect devices with anti-malware (preferably EDR), and check traffic and logs to spot an infection early.",
                    "メールのウイルス・なりすまし対策と端末のウイルス対策（できれば EDR）を導入し、通信やログを確認して感染の兆候を早く見つける。",
                ),
                maps_to: &[
                    "iso27001-2022:8.7",
                    "iso27001-2022:8.15",
                    "iso27001-2022:8.16",
                    "ipa-sme:2",
                    "ipa-sme:6",
                ],
                steps: [
                    (
                        "Scan incoming mail for malware and spoofing at the mail gateway",
                        "メールゲートウェイでウイルスとなりすましメールを検査する",
                    ),
                    (
                        "Install anti-malware (preferably EDR) on every device and check its alerts daily",
                        "すべての端末にウイルス対策ソフト（できれば EDR）を導入し、警告を毎日確認する",
                    ),
                    (
                        "Keep firewall and proxy logs and look for suspicious traffic monthly",
                        "ファイアウォール・プロキシのログを保存し、月 1 回不審な通信を確認する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 6,
        key: "GEOPOL",
        file: "geopolitical",
        occurrence: 2,
        threat: (
            "Attackers linked to states target infrastructure and the companies around it, or spread disinformation; attacks may come through partners or offices abroad.",
            "国家の関与が疑われる攻撃者が、社会インフラやその関連企業を狙ってサイバー攻撃を行ったり、偽情報を広めたりする。取引先や海外拠点を経由した攻撃もある。",
        ),
        vulnerability: (
            "Nobody follows official alerts, and there is no business-continuity plan for an attack",
            "公的機関の注意喚起を確認する体制と、攻撃を受けたときの事業継続の備えがない",
        ),
        vulnerability_category: "organization",
        risk: (
            "Work stopped by a cyber attack arising from geopolitical tension",
            "地政学的な緊張に起因するサイバー攻撃による業務の停止",
        ),
        measures: [
            Measure {
                title: (
                    "Following official alerts and planning for continuity",
                    "注意喚起の収集と事業継続計画への反映",
                ),
                description: (
                    "Name someone who follows NISC, IPA and JPCERT/CC alerts, and set out in a continuity plan how key work continues and in what order systems are restored.",
                    "NISC・IPA・JPCERT/CC などの注意喚起を確認する担当を決め、重要な業務が止まったときの代わりの手段と復旧の順番を事業継続計画に定める。",
                ),
                maps_to: &[
                    "iso27001-2022:5.7",
                    "iso27001-2022:5.29",
                    "iso27001-2022:5.30",
                    "ipa-sme:5",
                    "ipa-sme:24",
                ],
                steps: [
                    (
                        "Check official alerts weekly and report the relevant ones to the committee",
                        "公的機関の注意喚起を週 1 回確認し、自社に関係するものを委員会に報告する",
                    ),
                    (
                        "Set out alternatives and recovery steps for when key work stops",
                        "重要な業務が止まった場合の代わりの手段と復旧の手順を定める",
                    ),
                    (
                        "Walk through the plan in a tabletop exercise once a year",
                        "年 1 回、机上訓練で手順を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Watching for disinformation and impersonation",
                    "偽情報となりすましへの注意",
                ),
                description: (
                    "Do not take unverified information on social media at face value; check primary sources. Only designated staff post from company accounts.",
                    "SNS などで広がる真偽の分からない情報をうのみにせず、公的機関などの一次情報で確かめる。会社のアカウントでの発信は決められた担当者が行う。",
                ),
                maps_to: &["iso27001-2022:6.3", "ipa-sme:10", "ipa-sme:20"],
                steps: [
                    (
                        "Show cases of disinformation and impersonation in training",
                        "教育で偽情報となりすましの事例を紹介する",
                    ),
                    (
                        "Do not spread unverified information; ask the person in charge",
                        "真偽の分からない情報は広めず、担当者に相談する",
                    ),
                    (
                        "Decide who posts from company social-media accounts and who approves",
                        "会社の SNS アカウントで発信する人と承認の流れを決める",
                    ),
                ],
            },
            Measure {
                title: (
                    "Keeping power and communications for key equipment",
                    "重要な設備の電源と通信の確保",
                ),
                description: (
                    "Put servers and network devices on site behind an uninterruptible power supply, and prepare an alternative line for when communications fail.",
                    "自社に置いたサーバ・ネットワーク機器には無停電電源装置を設け、通信回線の障害に備えて代わりの手段を用意する。",
                ),
                maps_to: &["iso27001-2022:7.11"],
                steps: [
                    (
                        "Install and inspect yearly an uninterruptible power supply for servers and network devices",
                        "サーバ・ネットワーク機器に無停電電源装置を設け、年 1 回点検する",
                    ),
                    (
                        "Prepare an alternative line, such as a mobile connection",
                        "モバイル回線など代わりの通信手段を用意する",
                    ),
                    (
                        "Check how to switch over in a power or line failure",
                        "停電や回線障害のときの切替えの手順を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Restricting and watching access from abroad",
                    "海外からの不要なアクセスの制限と監視",
                ),
                description: (
                    "Block connections to public services and remote access from countries the business does not need, and watch for floods of traffic and suspicious log-ins.",
                    "公開サービスやリモートアクセスで、業務に必要のない国・地域からの接続を制限し、大量のアクセスや不審なログインを監視する。",
                ),
                maps_to: &["iso27001-2022:8.20", "iso27001-2022:8.16"],
                steps: [
                    (
                        "Restrict the source countries of connections to public services and VPN",
                        "公開サービス・VPN への接続元の国・地域を制限する",
                    ),
                    (
                        "Set alerts for failed log-ins and floods of requests",
                        "ログインの失敗や大量のアクセスの通知を設定する",
                    ),
                    (
                        "On an alert, the system administrator investigates and blocks if needed",
                        "通知があればシステム管理者が確認し、必要に応じて遮断する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 7,
        key: "INSIDER",
        file: "insider",
        occurrence: 2,
        threat: (
            "Employees, former employees or contractors' staff misuse their access to take out or leak customer or technical information.",
            "従業員や退職者、委託先の要員が、権限を悪用して顧客情報や技術情報を持ち出したり漏らしたりする。",
        ),
        vulnerability: (
            "Access rights never reviewed, and no record of what users do",
            "アクセス権が見直されず、操作の記録もない",
        ),
        vulnerability_category: "organization",
        risk: (
            "Customer or technical information taken out by an insider",
            "内部不正による顧客情報・技術情報の持ち出し",
        ),
        measures: [
            Measure {
                title: (
                    "Granting and reviewing access, and rules against misuse",
                    "アクセス権の付与・見直しと内部不正を防ぐ規程",
                ),
                description: (
                    "Give access only to those whose work needs it, change or remove it promptly on transfer or departure, and state in the work rules that taking information out is forbidden and disciplined.",
                    "業務に必要な人にだけアクセス権を与え、異動や退職のときは速やかに変更・削除する。就業規則に情報の持ち出しの禁止と懲戒を定める。",
                ),
                maps_to: &[
                    "iso27001-2022:5.15",
                    "iso27001-2022:5.18",
                    "iso27001-2022:6.4",
                    "ipa-sme:4",
                    "ipa-sme:19",
                ],
                steps: [
                    (
                        "Set how access is requested and approved",
                        "アクセス権の申請と承認の流れを決める",
                    ),
                    (
                        "Change or remove rights on the day a transfer or departure is announced",
                        "異動・退職の連絡を受けた日のうちに権限を変更・削除する",
                    ),
                    (
                        "Every six months, department managers review the list of access rights",
                        "半年に 1 回、部門責任者がアクセス権の一覧を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Confidentiality undertakings, and returns on leaving",
                    "秘密保持の誓約と退職時の返却",
                ),
                description: (
                    "Have staff sign a confidentiality undertaking on joining and on leaving, and collect lent equipment and documents when they leave.",
                    "入社時と退職時に秘密保持の誓約書を取り、退職時には貸与した機器や資料を返却させる。",
                ),
                maps_to: &[
                    "iso27001-2022:6.2",
                    "iso27001-2022:6.5",
                    "iso27001-2022:6.6",
                    "ipa-sme:19",
                ],
                steps: [
                    (
                        "Have new staff sign a confidentiality undertaking",
                        "入社時に秘密保持誓約書に署名してもらう",
                    ),
                    (
                        "On leaving, remind the person of the duty of confidentiality and take an undertaking",
                        "退職時に秘密保持の義務を改めて説明し、誓約書を取る",
                    ),
                    (
                        "Check the return of equipment and documents against the list of items lent",
                        "貸与物の一覧に沿って機器・資料の返却を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Entry control and limits on taking media out",
                    "入退室の管理と媒体の持ち出しの制限",
                ),
                description: (
                    "Record entry to places where confidential information is handled, and allow USB memory and other media in and out only with permission.",
                    "機密情報を扱う場所への入退室を記録し、USB メモリなどの記憶媒体の持込み・持ち出しを許可制にする。",
                ),
                maps_to: &[
                    "iso27001-2022:7.2",
                    "iso27001-2022:7.10",
                    "ipa-sme:13",
                    "ipa-sme:15",
                ],
                steps: [
                    (
                        "Keep a record of entry (card or sign-in)",
                        "入退室の記録（カード・記帳）を残す",
                    ),
                    (
                        "Allow only company-issued media, and taking them out only on application",
                        "記憶媒体は会社が貸与したものに限り、持ち出しは申請制にする",
                    ),
                    (
                        "Check the media lending records monthly",
                        "月 1 回、媒体の貸出の記録を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Logging user activity and restricting USB storage",
                    "操作ログの取得と USB 記憶媒体の制限",
                ),
                description: (
                    "Collect and keep logs of file-server and cloud-storage activity, and block storage devices that are not approved.",
                    "ファイルサーバとクラウドストレージの操作ログを取得・保存し、許可していない記憶媒体の接続を制限する。",
                ),
                maps_to: &["iso27001-2022:8.15", "iso27001-2022:8.12", "ipa-sme:4"],
                steps: [
                    (
                        "Keep access logs of the file server and cloud storage for at least a year",
                        "ファイルサーバとクラウドストレージのアクセスログを 1 年以上保存する",
                    ),
                    (
                        "Block unapproved USB storage by device settings",
                        "端末の設定で許可していない USB 記憶媒体を使えなくする",
                    ),
                    (
                        "Look monthly for signs of mass downloads or copying",
                        "月 1 回、大量のダウンロードや持ち出しの兆候を確認する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 8,
        key: "REMOTE",
        file: "remote-work",
        occurrence: 2,
        threat: (
            "Weaknesses in VPN devices, remote desktop, web meetings or personal devices used for remote work let attackers into the company network or leak information.",
            "テレワークで使う VPN 機器やリモートデスクトップ、Web 会議、私物の端末の弱点を突かれ、社内ネットワークへの侵入や情報漏えいが起きる。",
        ),
        vulnerability: (
            "VPN devices and remote-work devices poorly configured and not kept up to date",
            "VPN 機器やテレワーク端末の設定と更新が不十分",
        ),
        vulnerability_category: "network",
        risk: (
            "Information leaked through intrusion via the remote-work environment",
            "テレワーク環境を経由した侵入による情報漏えい",
        ),
        measures: [
            Measure {
                title: ("Rules for remote work", "テレワークのルール"),
                description: (
                    "Set out which devices, places and networks may be used for remote work and how personal devices are handled, and make it known.",
                    "テレワークで使ってよい端末・場所・ネットワークと、私物の端末の扱いを定めて周知する。",
                ),
                maps_to: &["iso27001-2022:6.7", "iso27001-2022:5.10", "ipa-sme:21"],
                steps: [
                    (
                        "Write remote-work rules: devices, places, networks, personal devices",
                        "テレワークの規程（端末・場所・通信・私物の端末）を定める",
                    ),
                    (
                        "Explain the rules and take an undertaking when someone starts remote work",
                        "テレワークを始めるときに規程を説明し、誓約を取る",
                    ),
                    ("Review the rules once a year", "年 1 回、規程を見直す"),
                ],
            },
            Measure {
                title: (
                    "Care when working outside the office",
                    "社外で作業するときの注意",
                ),
                description: (
                    "In public places, mind onlookers and conversations, and do not use unsafe public Wi-Fi.",
                    "公共の場所ではのぞき見や会話に注意し、安全でない公衆無線 LAN を使わない。",
                ),
                maps_to: &[
                    "iso27001-2022:6.7",
                    "iso27001-2022:6.3",
                    "ipa-sme:9",
                    "ipa-sme:14",
                ],
                steps: [
                    (
                        "Explain the precautions for working outside in training",
                        "教育で社外での作業の注意点を伝える",
                    ),
                    (
                        "Use the company mobile connection instead of public Wi-Fi",
                        "公衆無線 LAN の代わりに会社が貸与するモバイル回線を使う",
                    ),
                    (
                        "Hand out privacy filters for screens",
                        "のぞき見防止フィルタを配布する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Looking after devices and papers outside the office",
                    "社外での端末・書類の管理",
                ),
                description: (
                    "Take out only the PCs and papers needed, keep them on you while travelling, and report loss or theft at once.",
                    "持ち出す PC や書類は必要最小限にし、移動中は身から離さない。紛失や盗難のときはすぐに報告する。",
                ),
                maps_to: &["iso27001-2022:7.9", "ipa-sme:13"],
                steps: [
                    (
                        "Apply for and record what is taken out",
                        "持ち出しを申請し、記録する",
                    ),
                    (
                        "Never leave devices in a car or at a restaurant",
                        "車内や飲食店に端末を放置しない",
                    ),
                    (
                        "On loss or theft, call the system administrator at once to lock the device remotely and suspend the account",
                        "紛失・盗難のときはすぐにシステム管理者に連絡し、遠隔ロックとアカウントの停止を行う",
                    ),
                ],
            },
            Measure {
                title: (
                    "Up-to-date VPN, multi-factor authentication and encrypted devices",
                    "VPN 機器の更新・多要素認証・端末の暗号化",
                ),
                description: (
                    "Keep VPN devices up to date, require multi-factor authentication for remote access, and encrypt the disks of remote-work devices.",
                    "VPN 機器を最新の状態に保ち、リモートアクセスには多要素認証を必須にする。テレワーク端末はディスクを暗号化する。",
                ),
                maps_to: &[
                    "iso27001-2022:8.1",
                    "iso27001-2022:8.5",
                    "iso27001-2022:8.8",
                    "iso27001-2022:8.24",
                    "ipa-sme:1",
                    "ipa-sme:3",
                ],
                steps: [
                    (
                        "Apply VPN device fixes promptly",
                        "VPN 機器の修正プログラムを速やかに適用する",
                    ),
                    (
                        "Turn on multi-factor authentication for remote access and delete unused accounts",
                        "リモートアクセスの多要素認証を有効にし、使われていないアカウントを削除する",
                    ),
                    (
                        "Check that the disks of remote-work devices are encrypted",
                        "テレワーク端末のディスクが暗号化されていることを確認する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 9,
        key: "DDOS",
        file: "ddos",
        occurrence: 2,
        threat: (
            "A flood of traffic makes the web site or online services unreachable.",
            "大量の通信を送りつけられ、Web サイトやオンラインのサービスにつながらなくなる。",
        ),
        vulnerability: (
            "Public services have no protection against floods of traffic and no procedure for outages",
            "公開サービスに大量の通信を防ぐ仕組みがなく、停止したときの手順もない",
        ),
        vulnerability_category: "network",
        risk: (
            "Web site and online services down because of a DDoS attack",
            "DDoS 攻撃による Web サイト・オンラインサービスの停止",
        ),
        measures: [
            Measure {
                title: (
                    "Contacts with providers and a procedure for outages",
                    "事業者との連絡体制と停止時の対応手順",
                ),
                description: (
                    "Confirm the contacts and contractual scope of the network and hosting providers, and decide who decides and how customers are informed when a service is down.",
                    "回線事業者・ホスティング事業者の連絡先と契約上の対応範囲を確認し、サービスが止まったときに判断する人と顧客への案内の方法を決める。",
                ),
                maps_to: &["iso27001-2022:5.24", "iso27001-2022:5.30", "ipa-sme:24"],
                steps: [
                    (
                        "List the providers' contacts and what they will do under contract",
                        "事業者の連絡先と対応範囲を一覧にする",
                    ),
                    (
                        "Prepare who decides, a notice for customers and where it is posted",
                        "停止時に判断する人、顧客への案内文と掲載場所を用意する",
                    ),
                    (
                        "Check the contact procedure once a year",
                        "年 1 回、連絡の手順を確認する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Practising outage communication and customer handling",
                    "停止時の連絡と顧客対応の訓練",
                ),
                description: (
                    "Teach the staff concerned how to report internally and how to answer customers when a service is down.",
                    "サービスが止まったときの社内の連絡と、顧客からの問い合わせへの対応の方法を担当者に教育する。",
                ),
                maps_to: &["iso27001-2022:6.3"],
                steps: [
                    (
                        "Explain the outage contact procedure to the staff concerned",
                        "担当者に停止時の連絡の手順を説明する",
                    ),
                    (
                        "Prepare model answers for customer enquiries",
                        "問い合わせへの回答例を用意する",
                    ),
                    (
                        "Run a tabletop exercise once a year",
                        "年 1 回、机上訓練を行う",
                    ),
                ],
            },
            Measure {
                title: (
                    "Redundant lines and power for servers on site",
                    "自社に置いたサーバの回線と電源の冗長化",
                ),
                description: (
                    "Duplicate the lines and power of servers kept on site, or consider moving them to a cloud service.",
                    "自社に置いたサーバは回線と電源を二重化するか、クラウドサービスへの移行を検討する。",
                ),
                maps_to: &["iso27001-2022:7.11", "iso27001-2022:8.14"],
                steps: [
                    (
                        "Check how lines and power of servers on site are set up",
                        "自社に置いたサーバの回線と電源の構成を確認する",
                    ),
                    (
                        "Where there is a single point of failure, plan duplication or a move to the cloud",
                        "一か所の故障で止まる箇所があれば、二重化かクラウドへの移行の計画を立てる",
                    ),
                    (
                        "Test the switch-over once a year",
                        "年 1 回、切替えを試験する",
                    ),
                ],
            },
            Measure {
                title: (
                    "DDoS protection services and monitoring",
                    "DDoS 対策サービスの利用と監視",
                ),
                description: (
                    "Put public services behind a CDN or DDoS protection service, and monitor the web site from outside so that an outage is noticed early.",
                    "公開サービスに CDN や DDoS 対策サービスを使い、外部から Web サイトの応答を監視して停止を早く検知する。",
                ),
                maps_to: &[
                    "iso27001-2022:8.6",
                    "iso27001-2022:8.16",
                    "iso27001-2022:8.20",
                    "ipa-sme:23",
                ],
                steps: [
                    (
                        "Put public services behind a CDN or DDoS protection service",
                        "公開サービスに CDN・DDoS 対策サービスを適用する",
                    ),
                    (
                        "Set up external availability monitoring with alerts",
                        "外部からの死活監視を設定し、停止したら通知する",
                    ),
                    (
                        "During an attack, ask the provider to filter the traffic",
                        "攻撃を受けたら事業者に通信の遮断を依頼する",
                    ),
                ],
            },
        ],
    },
    Standard {
        rank: 10,
        key: "BEC",
        file: "bec",
        occurrence: 2,
        threat: (
            "E-mail impersonating a partner or an executive gets money sent to a fraudster's account or information sent out.",
            "取引先や経営者になりすましたメールで、偽の口座への送金や情報の送付をさせられる。",
        ),
        vulnerability: (
            "No procedure to confirm changed bank details or urgent payment requests by another channel",
            "振込先の変更や急な送金の依頼を別の手段で確認する手順がない",
        ),
        vulnerability_category: "organization",
        risk: (
            "Money lost to business e-mail compromise",
            "ビジネスメール詐欺による金銭の被害",
        ),
        measures: [
            Measure {
                title: (
                    "Approving payments and confirming changed bank details",
                    "送金と振込先の変更の承認・確認の手順",
                ),
                description: (
                    "Confirm changed bank details and urgent payment requests through a known contact other than e-mail, and have payments prepared and approved by different people.",
                    "振込先の変更や急な送金の依頼は、メール以外の登録済みの連絡先で確認し、送金の作成と承認を別の人が行う。",
                ),
                maps_to: &["iso27001-2022:5.3", "iso27001-2022:5.14"],
                steps: [
                    (
                        "Confirm a change of bank details with the partner at the telephone number on file",
                        "振込先の変更の依頼は、登録済みの電話番号で取引先に確認する",
                    ),
                    (
                        "Have different people prepare and approve a payment",
                        "送金の作成と承認を別の担当者が行う",
                    ),
                    ("Keep a record of each confirmation", "確認の記録を残す"),
                ],
            },
            Measure {
                title: (
                    "Teaching how business e-mail fraud works",
                    "ビジネスメール詐欺の手口の教育",
                ),
                description: (
                    "Teach accounting and sales staff the signs of impersonation: urgency, secrecy, a new bank account.",
                    "経理と営業の担当者に、なりすましメールの特徴（急がせる、秘密にさせる、口座の変更）を教育する。",
                ),
                maps_to: &["iso27001-2022:6.3", "ipa-sme:6", "ipa-sme:20"],
                steps: [
                    (
                        "Once a year, show accounting and sales staff real cases",
                        "年 1 回、経理・営業の担当者に事例を教育する",
                    ),
                    (
                        "Report suspicious mail to the system administrator",
                        "不審なメールはシステム管理者に報告する",
                    ),
                    (
                        "Share the reported cases within the company",
                        "報告された事例を社内で共有する",
                    ),
                ],
            },
            Measure {
                title: (
                    "Keeping payment devices and tokens safe",
                    "振込に使う端末と認証機器の管理",
                ),
                description: (
                    "Lock away online-banking tokens and the devices used for payments, and limit who may use them.",
                    "ネットバンキングの認証機器（トークン）や振込に使う端末は施錠保管し、使える人を限る。",
                ),
                maps_to: &["iso27001-2022:7.8"],
                steps: [
                    (
                        "Name who keeps the tokens and payment devices",
                        "認証機器と振込用の端末の管理者を決める",
                    ),
                    ("Lock them away after use", "使い終わったら施錠保管する"),
                    ("Keep a record of their use", "利用の記録を残す"),
                ],
            },
            Measure {
                title: (
                    "E-mail anti-spoofing and multi-factor authentication",
                    "メールのなりすまし対策と多要素認証",
                ),
                description: (
                    "Set up sender authentication (SPF, DKIM, DMARC), mark mail from outside, and protect mail accounts with multi-factor authentication against takeover.",
                    "送信ドメイン認証（SPF・DKIM・DMARC）を設定し、外部からのメールに目印を付ける。メールのアカウントには多要素認証を設定して乗っ取りを防ぐ。",
                ),
                maps_to: &[
                    "iso27001-2022:8.5",
                    "iso27001-2022:5.14",
                    "ipa-sme:3",
                    "ipa-sme:6",
                ],
                steps: [
                    (
                        "Publish SPF, DKIM and DMARC for the company's domains",
                        "自社のドメインに SPF・DKIM・DMARC を設定する",
                    ),
                    (
                        "Tag the subject of mail from outside",
                        "外部からのメールの件名に目印を付ける",
                    ),
                    (
                        "Turn on multi-factor authentication for mail accounts and check forwarding rules regularly",
                        "メールのアカウントの多要素認証を有効にし、転送の設定を定期的に確認する",
                    ),
                ],
            },
        ],
    },
];

/// The standard a `--threat` value names: an id (`IPA-2026-01`), a rank (`1`) or a file
/// stem (`ransomware`), in any case.
pub fn find(value: &str, threats: &[StarterThreat]) -> Option<&'static Standard> {
    let v = value.trim();
    STANDARDS.iter().find(|s| {
        v.eq_ignore_ascii_case(s.file)
            || v.eq_ignore_ascii_case(s.key)
            || v.parse::<u32>().ok() == Some(s.rank)
            || threats
                .iter()
                .any(|t| t.rank == Some(s.rank) && t.id.eq_ignore_ascii_case(v))
    })
}

/// The asset register shared by the standards.
pub fn assets(lang: Lang) -> File {
    let header = (
        "Asset register (情報資産台帳). Fill in: your important information and equipment, each rated\n\
         1..3 for confidentiality, integrity and availability; importance = the highest of the three.\n\
         The two assets below are broad placeholders the Lv.1 risks refer to: split them as you go.",
        "情報資産台帳。記入すること: 重要な情報と機器を洗い出し、機密性・完全性・可用性を 1〜3 で評価する\n\
         （重要度 = 3 つのうち最大の値）。下の 2 つは Lv.1 のリスクが参照する大まかな仮の資産なので、\n\
         自社の実態に合わせて分けていく。",
    );
    let mut data = Doc::new("asset", "A-DATA");
    data.str(
        "name",
        t(
            ("Important business information (customer, transaction, design and accounting data)", "業務上の重要な情報（顧客情報・取引情報・設計データ・会計データ）"),
            lang,
        ),
    )
    .str("type", "information")
    .str("owner", "ROLE-CISO")
    .raw(match lang {
        Lang::En => "confidentiality: 3   # 3: a leak is a legal matter or seriously hurts customers or the business",
        Lang::Ja => "confidentiality: 3   # 3: 漏えいすると法的責任を問われる、取引先・顧客や事業に大きな影響がある",
    })
    .int("integrity", 2)
    .int("availability", 3)
    .str(
        "location",
        t(("File server, cloud storage, staff PCs", "ファイルサーバ、クラウドストレージ、各自の PC"), lang),
    );
    let mut it = Doc::new("asset", "A-IT");
    it.str(
        "name",
        t(
            (
                "PCs, servers, network devices and cloud services used for work",
                "業務で使う PC・サーバ・ネットワーク機器・クラウドサービス",
            ),
            lang,
        ),
    )
    .str("type", "hardware")
    .str("owner", "ROLE-SYSADMIN")
    .int("confidentiality", 2)
    .int("integrity", 2)
    .int("availability", 3);
    File::docs("assets.yaml", t(header, lang), vec![data, it])
}

/// `standards/<file>.yaml`: the threat, its vulnerability and risk, and the four measures.
/// `declare_likelihood`: the repository does not derive likelihood the IPA way, so the risk
/// states the value IPA's table gives.
pub fn standard_file(
    s: &Standard,
    threat: &StarterThreat,
    year: i64,
    lang: Lang,
    declare_likelihood: bool,
) -> File {
    let tid = threat.id.as_str();
    let header = match lang {
        Lang::En => format!(
            "Lv.1 quick approach: the security standard for '{}' (IPA 10 major threats {year}, #{}).\n\
             1. the threat it targets, then 2-5. organisational, people, physical and technical measures (controls), each with its procedure.\n\
             Fill in: exploitability of the vulnerability (2 once partly handled, 1 once fully), each control's status\n\
             (implemented when done) and owner, and the procedures' steps as your company carries them out.",
            threat.title, s.rank
        ),
        Lang::Ja => format!(
            "Lv.1 クイックアプローチの対策基準：「{}」（IPA 情報セキュリティ10大脅威 {year} 組織編 {}位）。\n\
             1. 対象とする脅威、2〜5. 組織的・人的・物理的・技術的対策（管理策）とそれぞれの実施手順。\n\
             記入すること: 脆弱性の exploitability（一部対策したら 2、すべて対策したら 1）、管理策の status（実施したら implemented）と owner、\n\
             実施手順の steps を自社のやり方に合わせて直す。",
            threat.title_ja, s.rank
        ),
    };
    let mut docs = Vec::new();

    let mut th = Doc::new("threat", tid);
    th.heading(t(("1. The threat", "1. 対象とする脅威"), lang));
    th.str("name", threat.title_in(lang))
        .str("origin", &threat.origin)
        .raw(&format!(
            "occurrence: {}        # {}",
            s.occurrence,
            match (lang, s.occurrence) {
                (Lang::En, 3) => "3: can happen at any time under normal conditions",
                (Lang::En, 2) => "2: happens in particular situations (a few times a year)",
                (Lang::En, _) => "1: does not happen under normal conditions",
                (Lang::Ja, 3) => "3: 通常の状況で発生する（いつ発生してもおかしくない）",
                (Lang::Ja, 2) => "2: 特定の状況で発生する（年に数回程度）",
                (Lang::Ja, _) => "1: 通常の状況で発生することはない",
            }
        ))
        .str(
            "source",
            &match lang {
                Lang::En => format!(
                    "IPA 10 major security threats {year} (organisations) #{}",
                    s.rank
                ),
                Lang::Ja => format!("IPA 情報セキュリティ10大脅威 {year} 組織編 {}位", s.rank),
            },
        )
        .str("description", t(s.threat, lang));
    docs.push(th);

    let vid = format!("V-{}", s.key);
    let mut v = Doc::new("vulnerability", &vid);
    v.str("name", t(s.vulnerability, lang))
        .str("category", s.vulnerability_category)
        .flow("threats", &[tid])
        .raw(match lang {
            Lang::En => "exploitability: 3   # 3: no measures yet; 2: partly in place; 1: all needed measures in place",
            Lang::Ja => "exploitability: 3   # 3: 対策を実施していない、2: 一部実施している、1: 必要な対策をすべて実施している",
        });
    docs.push(v);

    let likelihood = crate::risk::ipa_likelihood(s.occurrence, 3).unwrap_or(3);
    let level = 3 * likelihood;
    let ids: Vec<String> = CATEGORIES
        .iter()
        .map(|(_, suffix, _)| format!("C-{}-{suffix}", s.key))
        .collect();
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut r = Doc::new("risk", &format!("R-{}", s.key));
    r.str("title", t(s.risk, lang))
        .flow("assets", &["A-DATA", "A-IT"])
        .str("threat", tid)
        .flow("vulnerabilities", &[&vid])
        .str("owner", "ROLE-CISO");
    if declare_likelihood {
        r.raw(&match lang {
            Lang::En => format!("likelihood: {likelihood}   # IPA's table: occurrence {} x exploitability 3", s.occurrence),
            Lang::Ja => format!("likelihood: {likelihood}   # IPA の換算表: 起こりやすさ {} とつけ込みやすさ 3 から", s.occurrence),
        });
    } else {
        r.comment(&match lang {
            Lang::En => format!(
                "likelihood comes from IPA's table (likelihood_from: ipa): occurrence {} and exploitability 3 give {likelihood};\nimpact = the highest importance of the assets (3), so the level is {level} (high): a treatment is required.",
                s.occurrence
            ),
            Lang::Ja => format!(
                "被害発生可能性は IPA の換算表で求まる（likelihood_from: ipa）: 起こりやすさ {} とつけ込みやすさ 3 で {likelihood}。\n重要度は資産の重要度の最大値 3 なので、リスク値は {level}（大）: リスク対応が必要。",
                s.occurrence
            ),
        });
    }
    r.raw("treatment:")
        .raw("  option: reduce")
        .raw(&format!("  controls: [{}]", id_refs.join(", ")))
        .raw(match lang {
            Lang::En => "residual: {likelihood: 1}   # expected once the controls work: level 3 (low), within the appetite",
            Lang::Ja => "residual: {likelihood: 1}   # 管理策の実施後の見込み: リスク値 3（小）で受容基準の範囲内",
        });
    docs.push(r);

    for ((category, suffix, heading), m) in CATEGORIES.iter().zip(&s.measures) {
        let cid = format!("C-{}-{suffix}", s.key);
        let owner = if matches!(*category, "organizational" | "people") {
            "ROLE-CISO"
        } else {
            "ROLE-SYSADMIN"
        };
        let mut c = Doc::new("control", &cid);
        c.heading(t(*heading, lang));
        c.str("title", t(m.title, lang))
            .str("category", category)
            .raw(match lang {
                Lang::En => "status: planned        # planned | partial | implemented | not-implemented",
                Lang::Ja => "status: planned        # planned（計画）| partial（一部実施）| implemented（実施済み）| not-implemented",
            })
            .str("owner", owner)
            .flow("threats", &[tid])
            .flow("maps_to", m.maps_to)
            .str("description", t(m.description, lang));
        docs.push(c);
        let mut p = Doc::new("procedure", &format!("P-{}-{suffix}", s.key));
        p.str(
            "title",
            &match lang {
                Lang::En => format!("Procedure: {}", m.title.0),
                Lang::Ja => format!("{}の実施手順", m.title.1),
            },
        )
        .flow("implements", &[&cid])
        .str("owner", owner);
        let steps: Vec<&str> = m.steps.iter().map(|x| t(*x, lang)).collect();
        p.list("steps", &steps).raw("review: {interval_months: 12}");
        docs.push(p);
    }
    File::docs(format!("standards/{}.yaml", s.file), header, docs)
}

/// The files of Lv.1 for the chosen standards.
pub fn files(standards: &[&Standard], lang: Lang, declare_likelihood: bool) -> Vec<File> {
    let cat = crate::catalog::catalogs();
    let year = cat.ipa_threats.year.unwrap_or(2026);
    let mut out = super::common::role_files(Level::Quick, lang);
    out.push(assets(lang));
    for s in standards {
        let Some(threat) = cat
            .ipa_threats
            .threats
            .iter()
            .find(|t| t.rank == Some(s.rank))
        else {
            continue;
        };
        out.push(standard_file(s, threat, year, lang, declare_likelihood));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_standard_per_threat_of_the_current_list() {
        let cat = crate::catalog::catalogs();
        assert_eq!(STANDARDS.len(), cat.ipa_threats.threats.len());
        for (i, s) in STANDARDS.iter().enumerate() {
            assert_eq!(s.rank as usize, i + 1);
            assert!((1..=3).contains(&s.occurrence));
        }
        let t = &cat.ipa_threats.threats;
        assert_eq!(find("IPA-2026-01", t).unwrap().file, "ransomware");
        assert_eq!(find("ipa-2026-10", t).unwrap().key, "BEC");
        assert_eq!(find("3", t).unwrap().key, "AI");
        assert_eq!(find("Ransomware", t).unwrap().rank, 1);
        assert!(find("IPA-2025-01", t).is_none());
    }

    #[test]
    fn every_mapping_names_a_catalog_control() {
        let cat = crate::catalog::catalogs();
        for s in STANDARDS {
            for m in &s.measures {
                for target in m.maps_to {
                    let (fw, id) = target.split_once(':').unwrap();
                    assert!(
                        cat.framework(fw).and_then(|f| f.control(id)).is_some(),
                        "{} maps to unknown {target}",
                        s.key
                    );
                }
            }
        }
    }
}
