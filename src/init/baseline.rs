//! Lv.2 baseline approach: the security organisation of IPA's sample regulations, a basic
//! policy, and controls with procedures that cover every item of IPA's SME self-assessment
//! (`frameworks: [ipa-sme]`). Each control also names the ISO/IEC 27001:2022 controls it
//! contributes to, so that growing to Lv.3 shows only what is still missing. The text is
//! this project's own.

use super::common::t;
use super::emit::{Doc, File};
use super::{L, Level};
use crate::i18n::Lang;

/// A baseline control and its procedure.
pub struct BaseControl {
    pub id: &'static str,
    /// The self-assessment part the control belongs to: its file.
    pub part: Part,
    pub category: &'static str,
    pub owner: &'static str,
    pub title: L,
    pub description: L,
    /// Self-assessment items (`ipa-sme`).
    pub ipa: &'static [&'static str],
    /// ISO/IEC 27001:2022 Annex A controls.
    pub iso: &'static [&'static str],
    pub steps: [L; 3],
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Items 1–5: basic measures; also the basic policy, item 25, in `policy.yaml`.
    Basic,
    /// Items 6–18: measures for each employee.
    Employees,
    /// Items 19–24: measures for the organisation.
    Organization,
    Policy,
}

impl Part {
    fn stem(self) -> &'static str {
        match self {
            Part::Basic => "basic",
            Part::Employees => "employees",
            Part::Organization => "organization",
            Part::Policy => "policy",
        }
    }

    fn title(self) -> L {
        match self {
            Part::Basic => (
                "Part 1 of IPA's self-assessment: basic measures (items 1-5), needed by every company",
                "IPA 自社診断のパート 1「基本的対策」（設問 1〜5）: 規模や業種を問わず必要な対策",
            ),
            Part::Employees => (
                "Part 2 of IPA's self-assessment: measures for each employee (items 6-18)",
                "IPA 自社診断のパート 2「従業員としての対策」（設問 6〜18）",
            ),
            Part::Organization => (
                "Part 3 of IPA's self-assessment: measures for the organisation (items 19-24)",
                "IPA 自社診断のパート 3「組織としての対策」（設問 19〜24）",
            ),
            Part::Policy => ("", ""),
        }
    }
}

pub const CONTROLS: &[BaseControl] = &[
    BaseControl {
        id: "C-UPDATE",
        part: Part::Basic,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: (
            "Keeping OS and software up to date",
            "OS・ソフトウェアを最新の状態に保つ",
        ),
        description: (
            "Keep the OS and software of PCs, smartphones, servers and network devices up to date, by automatic updates where possible, and replace products whose support has ended.",
            "PC・スマートフォン・サーバ・ネットワーク機器の OS とソフトウェアを、できるだけ自動更新で最新の状態に保つ。サポートが終了した製品は使い続けずに更新する。",
        ),
        ipa: &["1"],
        iso: &["8.8", "8.19"],
        steps: [
            (
                "Turn on automatic updates on every device",
                "すべての機器で自動更新を有効にする",
            ),
            (
                "Check monthly which devices are not updated and contact their users",
                "月 1 回、更新されていない機器を確認し、利用者に連絡する",
            ),
            (
                "Track end-of-support dates in the asset register and replace products before then",
                "サポートの期限を台帳で管理し、期限の前に更新する",
            ),
        ],
    },
    BaseControl {
        id: "C-ANTIVIRUS",
        part: Part::Basic,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: (
            "Anti-virus software with current definitions",
            "ウイルス対策ソフトの導入と定義ファイルの更新",
        ),
        description: (
            "Install anti-virus software on every PC, smartphone and server, update its definitions automatically, and never turn it off.",
            "すべての PC・スマートフォン・サーバにウイルス対策ソフトを導入し、定義ファイルを自動で更新する。無効にしない。",
        ),
        ipa: &["2"],
        iso: &["8.7"],
        steps: [
            (
                "Record in the asset register which devices have anti-virus software",
                "ウイルス対策ソフトの導入状況を台帳で管理する",
            ),
            (
                "Set definitions to update automatically and check monthly that they do",
                "定義ファイルの自動更新を設定し、月 1 回更新されていることを確認する",
            ),
            (
                "The system administrator looks at every detection and acts on it",
                "検知の通知はシステム管理者が確認して対応する",
            ),
        ],
    },
    BaseControl {
        id: "C-PASSWORD",
        part: Part::Basic,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: (
            "Long, complex passwords and multi-factor authentication",
            "長く複雑なパスワードと多要素認証",
        ),
        description: (
            "Use long, complex passwords that are not reused across services, and turn on multi-factor authentication wherever it is offered.",
            "パスワードは長く複雑にして、サービスごとに使い回さない。多要素認証が使えるところではすべて有効にする。",
        ),
        ipa: &["3"],
        iso: &["5.17", "8.5"],
        steps: [
            (
                "Set and announce the password rule (for example 10 or more characters mixing letters, digits and symbols)",
                "パスワードの基準（例: 10 文字以上、英大文字・小文字・数字・記号を混ぜる）を定めて周知する",
            ),
            (
                "Make users change initial passwords at the first log-in",
                "初期パスワードは最初のログインで変更させる",
            ),
            (
                "Check every six months where multi-factor authentication is on",
                "半年に 1 回、多要素認証の設定状況を確認する",
            ),
        ],
    },
    BaseControl {
        id: "C-ACCESS",
        part: Part::Basic,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: (
            "Restricting access to important information and reviewing sharing settings",
            "重要情報へのアクセス制限と共有設定の見直し",
        ),
        description: (
            "Let only those who need it reach important information, and check that the sharing settings of cloud services, network storage, printers and cameras do not expose data to outsiders.",
            "重要な情報には業務で必要な人だけがアクセスできるようにし、クラウドサービスや NAS・複合機・カメラなどの共有設定で関係者以外に公開されていないか確認する。",
        ),
        ipa: &["4"],
        iso: &["5.15", "8.3"],
        steps: [
            (
                "For each place where important information is kept, decide who may access it",
                "重要な情報の保存場所ごとに、アクセスできる人を決める",
            ),
            (
                "Change or remove rights when people move or leave",
                "異動や退職のときに権限を変更・削除する",
            ),
            (
                "Every six months, review access rights and sharing settings",
                "半年に 1 回、アクセス権と共有設定を見直す",
            ),
        ],
    },
    BaseControl {
        id: "C-THREAT-INFO",
        part: Part::Basic,
        category: "organizational",
        owner: "ROLE-CISO",
        title: (
            "Learning about new threats and sharing countermeasures",
            "脅威や攻撃の手口の情報収集と社内での共有",
        ),
        description: (
            "Follow the web sites and newsletters of IPA and other expert bodies for new threats and attack methods, and share what the company should do.",
            "IPA などの専門機関の Web サイトやメールマガジンで新しい脅威や攻撃の手口を知り、必要な対策を社内で共有する。",
        ),
        ipa: &["5"],
        iso: &["5.7", "5.6"],
        steps: [
            (
                "Check IPA, JPCERT/CC and vendor news weekly",
                "IPA・JPCERT/CC・製品ベンダーの情報を週 1 回確認する",
            ),
            (
                "Report what concerns the company to the security committee",
                "自社に関係するものを情報セキュリティ委員会で報告する",
            ),
            (
                "Alert all staff when they need to act",
                "従業員の対応が必要なものは全員に注意喚起する",
            ),
        ],
    },
    BaseControl {
        id: "C-EMAIL",
        part: Part::Employees,
        category: "people",
        owner: "ROLE-CISO",
        title: ("Safe use of e-mail and fax", "電子メール・FAX の安全な利用"),
        description: (
            "Be wary of attachments and links in e-mail, check the recipients before sending e-mail or faxes, and send important information in a protected file or through a secure sharing service, not in the body.",
            "メールの添付ファイルや本文の URL からのウイルス感染に気を付ける。メールや FAX の送信前に宛先を確認する。重要な情報は本文に書かず、保護したファイルや安全な共有サービスで送る。",
        ),
        ipa: &["6", "7", "8"],
        iso: &["5.14"],
        steps: [
            (
                "Teach how to recognise suspicious mail",
                "不審なメールの見分け方を教育する",
            ),
            (
                "Set the mail client to hold outgoing mail briefly or to confirm recipients",
                "メールソフトで送信の保留や宛先の確認を設定する",
            ),
            (
                "Decide how important information is sent (protected file with the password sent separately, expiring share links)",
                "重要な情報の送り方（保護したファイルとパスワードを別の経路で伝える、共有リンクに期限を付けるなど）を決める",
            ),
        ],
    },
    BaseControl {
        id: "C-WIFI",
        part: Part::Employees,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: ("Secure wireless LAN", "無線 LAN の安全な利用"),
        description: (
            "Protect the office wireless LAN with strong encryption (WPA2 or WPA3) and a key that is hard to guess, keep guests on a separate network, and avoid unsafe public Wi-Fi.",
            "社内の無線 LAN は強い暗号化方式（WPA2 または WPA3）と推測されにくいパスワードで保護し、来客用は分ける。安全でない公衆無線 LAN は使わない。",
        ),
        ipa: &["9"],
        iso: &["8.20"],
        steps: [
            (
                "Set the encryption and a strong administrator password on access points",
                "アクセスポイントの暗号化方式と管理者パスワードを設定する",
            ),
            (
                "Separate the guest network from the office network",
                "来客用のネットワークを社内のネットワークと分ける",
            ),
            ("Review the settings once a year", "年 1 回、設定を見直す"),
        ],
    },
    BaseControl {
        id: "C-INTERNET",
        part: Part::Employees,
        category: "people",
        owner: "ROLE-CISO",
        title: (
            "Safe use of the web and social media",
            "インターネットと SNS の安全な利用",
        ),
        description: (
            "Do not download software from sites you cannot trust, and do not post work information or anything that could harm the company's reputation on social media.",
            "信頼できないサイトからソフトウェアをダウンロードしない。業務上の情報や会社の信用を損なう内容を SNS に書き込まない。",
        ),
        ipa: &["10"],
        iso: &["5.10", "8.23"],
        steps: [
            (
                "Software is installed only after approval",
                "ソフトウェアの導入は申請し、承認を得てから行う",
            ),
            (
                "Teach what to be careful of on social media",
                "SNS の利用で気を付けることを教育する",
            ),
            (
                "Block dangerous sites with web filtering",
                "Web フィルタリングで危険なサイトを遮断する",
            ),
        ],
    },
    BaseControl {
        id: "C-BACKUP",
        part: Part::Employees,
        category: "technological",
        owner: "ROLE-SYSADMIN",
        title: (
            "Backups and restore tests",
            "バックアップの取得と復元の確認",
        ),
        description: (
            "Back up important data regularly against malware, failures and mistakes, keep a copy apart from the originals, and test that it can be restored.",
            "ウイルス感染・故障・誤操作に備えて重要なデータを定期的にバックアップし、元のデータとは別の場所に保管して、復元できることを確かめる。",
        ),
        ipa: &["11"],
        iso: &["8.13"],
        steps: [
            (
                "Decide which data is backed up and how often",
                "バックアップの対象と頻度を決める",
            ),
            (
                "Keep at least one generation disconnected from the network",
                "少なくとも 1 世代はネットワークから切り離して保管する",
            ),
            (
                "Test a restore every quarter and record the result",
                "四半期に 1 回、復元を試して結果を記録する",
            ),
        ],
    },
    BaseControl {
        id: "C-MEDIA",
        part: Part::Employees,
        category: "physical",
        owner: "ROLE-DEPT",
        title: (
            "Storing, taking out and disposing of important documents and media",
            "重要書類・媒体の保管・持ち出し・廃棄",
        ),
        description: (
            "Lock important documents and media away instead of leaving them on desks, protect them against loss and theft when taken out, and make them unrecoverable when disposed of.",
            "重要な情報を記した書類や電子媒体は机の上に放置せず書庫などに施錠保管し、持ち出すときは紛失・盗難に備え、廃棄するときは復元できないようにする。",
        ),
        ipa: &["12", "13", "18"],
        iso: &["7.9", "7.10", "7.14"],
        steps: [
            (
                "Name the cabinets and who keeps their keys",
                "保管する書庫と鍵の管理者を決める",
            ),
            (
                "Apply before taking documents or media out, and use encrypted media",
                "持ち出すときは申請し、暗号化した媒体を使う",
            ),
            (
                "Shred, wipe or physically destroy on disposal, and record it",
                "廃棄するときはシュレッダー・データ消去・物理的な破壊を行い、記録する",
            ),
        ],
    },
    BaseControl {
        id: "C-CLEAR-SCREEN",
        part: Part::Employees,
        category: "physical",
        owner: "ROLE-DEPT",
        title: (
            "Screen lock when away from the desk",
            "離席時ののぞき見・無断操作の防止",
        ),
        description: (
            "Lock the screen when leaving the desk and set an automatic lock, so that nobody can read or use the PC.",
            "離席するときは画面をロックし、一定の時間操作がないと自動でロックされるように設定して、のぞき見や勝手な操作を防ぐ。",
        ),
        ipa: &["14"],
        iso: &["7.7", "8.1"],
        steps: [
            (
                "Set an automatic screen lock (for example after 5 minutes) on every PC",
                "すべての PC に自動の画面ロック（例: 5 分）を設定する",
            ),
            (
                "Teach staff to lock the screen whenever they leave",
                "離席のたびに画面をロックするよう教育する",
            ),
            (
                "Department managers check from time to time",
                "部門責任者がときどき確認する",
            ),
        ],
    },
    BaseControl {
        id: "C-OFFICE",
        part: Part::Employees,
        category: "physical",
        owner: "ROLE-DEPT",
        title: (
            "Office entry control and locking",
            "事務所の入退室の管理と施錠",
        ),
        description: (
            "Keep people with no business out of the office, lock laptops and equipment away after hours, and make sure the office is locked when nobody is there.",
            "関係者以外の事務所への立ち入りを制限し、退社時はノート PC や備品を施錠保管して、無人になるときの施錠を確実にする。",
        ),
        ipa: &["15", "16", "17"],
        iso: &["7.1", "7.2", "7.3"],
        steps: [
            (
                "Visitors sign in at reception and are accompanied by an employee",
                "来訪者は受付で記帳し、社員が同行する",
            ),
            (
                "Lock laptops away when leaving for the day",
                "退社時にノート PC を施錠保管する",
            ),
            (
                "The last person out locks up and ticks the checklist",
                "最後に退出する人が施錠し、チェックリストに記録する",
            ),
        ],
    },
    BaseControl {
        id: "C-CONFIDENTIALITY",
        part: Part::Organization,
        category: "people",
        owner: "ROLE-CISO",
        title: ("Staff confidentiality", "従業員の守秘義務"),
        description: (
            "Make sure staff understand their duty of confidentiality and keep to rules such as not disclosing what they learn at work.",
            "従業員に守秘義務を理解してもらい、業務上知り得た情報を外部に漏らさないなどのルールを守らせる。",
        ),
        ipa: &["19"],
        iso: &["6.2", "6.6"],
        steps: [
            (
                "Have new staff sign a confidentiality undertaking",
                "入社時に秘密保持の誓約書を取る",
            ),
            (
                "State the duty and the sanctions in the work rules",
                "就業規則に守秘義務と違反時の処分を定める",
            ),
            (
                "Remind people of the duty when they leave",
                "退職時に守秘義務を改めて確認する",
            ),
        ],
    },
    BaseControl {
        id: "C-EDUCATION",
        part: Part::Organization,
        category: "people",
        owner: "ROLE-EDU",
        title: (
            "Security education and reminders",
            "情報セキュリティの教育と注意喚起",
        ),
        description: (
            "Train all staff in security when they join and at least once a year, and remind them when new threats appear.",
            "全従業員に入社時と年 1 回以上の情報セキュリティ教育を行い、新しい脅威が現れたときは注意喚起する。",
        ),
        ipa: &["20"],
        iso: &["6.3"],
        steps: [
            (
                "Make the yearly training plan and have the committee approve it",
                "年間の教育計画を立て、委員会で承認する",
            ),
            (
                "Train new staff and all staff, and keep attendance records",
                "入社時と全員向けの教育を行い、受講の記録を残す",
            ),
            (
                "Send reminders when a new threat concerns the company",
                "自社に関係する新しい脅威があれば注意喚起する",
            ),
        ],
    },
    BaseControl {
        id: "C-BYOD",
        part: Part::Organization,
        category: "organizational",
        owner: "ROLE-SYSADMIN",
        title: (
            "Rules for personal devices used for work",
            "私物端末の業務利用のルール",
        ),
        description: (
            "Decide whether personal PCs and smartphones may be used for work and, if so, under which security conditions (screen lock, updates, anti-virus, what may be stored).",
            "個人所有の PC やスマートフォンを業務に使ってよいか、使う場合のセキュリティの条件（画面ロック、更新、ウイルス対策、保存してよい情報）を定める。",
        ),
        ipa: &["21"],
        iso: &["8.1", "6.7"],
        steps: [
            (
                "Decide whether personal devices are allowed; if so, by application",
                "私物端末の利用を認めるか決め、認める場合は申請制にする",
            ),
            (
                "Check that an applied device meets the conditions",
                "申請された端末が条件を満たしているか確認する",
            ),
            (
                "Remove work data from the device when the person leaves",
                "退職時に端末から業務データを削除させる",
            ),
        ],
    },
    BaseControl {
        id: "C-PARTNER",
        part: Part::Organization,
        category: "organizational",
        owner: "ROLE-CISO",
        title: (
            "Confidentiality clauses with business partners",
            "取引先との秘密保持",
        ),
        description: (
            "Put confidentiality clauses into contracts with partners who exchange important information with the company.",
            "重要な情報をやり取りする取引先との契約書に秘密保持条項を設ける。",
        ),
        ipa: &["22"],
        iso: &["5.20"],
        steps: [
            (
                "List the partners and whether their contracts have confidentiality clauses",
                "取引先の一覧を作り、契約に秘密保持条項があるか確認する",
            ),
            (
                "Include the clause in the company's contract templates",
                "契約書のひな型に秘密保持条項を入れる",
            ),
            ("Review the contracts once a year", "年 1 回、契約を見直す"),
        ],
    },
    BaseControl {
        id: "C-CLOUD",
        part: Part::Organization,
        category: "organizational",
        owner: "ROLE-SYSADMIN",
        title: (
            "Choosing external and cloud services",
            "外部サービス・クラウドサービスの選定",
        ),
        description: (
            "Choose cloud services and other external services (web hosting, for example) after checking their security and reliability, and set them up securely.",
            "クラウドサービスや Web サイトの運用などに使う外部サービスは、安全性と信頼性を確認してから選び、安全に設定して使う。",
        ),
        ipa: &["23"],
        iso: &["5.19", "5.23"],
        steps: [
            (
                "Keep a list of the external services in use",
                "利用している外部サービスの一覧を作る",
            ),
            (
                "Before adopting a service, check it with a checklist (IPA's cloud guide has one)",
                "導入の前にチェックシート（IPA のクラウドサービス安全利用の手引きなど）で確認する",
            ),
            (
                "Review the services and their settings once a year",
                "年 1 回、サービスと設定を見直す",
            ),
        ],
    },
    BaseControl {
        id: "C-INCIDENT",
        part: Part::Organization,
        category: "organizational",
        owner: "ROLE-CISO",
        title: (
            "Readiness for security incidents",
            "セキュリティ事故への備え",
        ),
        description: (
            "Set up the emergency organisation, contacts and response procedures before an incident happens.",
            "セキュリティ事故が起きたときに備え、緊急時の体制・連絡先・対応の手順を整える。",
        ),
        ipa: &["24"],
        iso: &["5.24", "5.26", "6.8"],
        steps: [
            (
                "Keep a list of who reports to whom, and outside contacts (police, vendors, insurer)",
                "社内の報告先と社外の連絡先（警察・ベンダー・保険会社など）の一覧を作る",
            ),
            (
                "Write first-response steps: isolate, report, preserve evidence, recover",
                "初動の手順（切り離す・報告する・証拠を残す・復旧する）を定める",
            ),
            ("Practise them once a year", "年 1 回、訓練で確かめる"),
        ],
    },
    BaseControl {
        id: "C-POLICY",
        part: Part::Policy,
        category: "organizational",
        owner: "ROLE-CISO",
        title: (
            "Basic security policy, and the measures made into rules",
            "情報セキュリティ基本方針と対策のルール化",
        ),
        description: (
            "Management approves a basic security policy; the measures of this repository are written down as company rules and shown to all staff; both are reviewed once a year.",
            "経営者が情報セキュリティ基本方針を承認する。このリポジトリの対策を社内のルールとして文書にし、全従業員に示す。どちらも年 1 回見直す。",
        ),
        ipa: &["25"],
        iso: &["5.1", "5.4"],
        steps: [
            (
                "The information security officer drafts the policy and the chief executive approves it",
                "情報セキュリティ責任者が基本方針の案を作り、経営者が承認する",
            ),
            (
                "Post and hand out the policy and rules, and explain them to new staff",
                "基本方針とルールを掲示・配布し、入社時に説明する",
            ),
            (
                "Review them once a year and announce changes",
                "年 1 回見直し、変更を周知する",
            ),
        ],
    },
];

/// The basic policy's statements (in `policy.yaml`), in this project's words after the
/// outline of IPA's sample policy.
const POLICY: L = (
    "1. Management leads information security and provides what it needs.\n\
     2. We set up an organisation and rules for information security and keep them working.\n\
     3. Every employee is trained and follows the rules.\n\
     4. We comply with laws, regulations and our contracts.\n\
     5. We respond to incidents quickly and prevent them from happening again.",
    "1. 経営者は情報セキュリティに責任を持ち、必要な資源を用意する。\n\
     2. 情報セキュリティのための体制とルールを整え、運用し続ける。\n\
     3. 従業員は教育を受け、ルールを守る。\n\
     4. 法令・規制と契約上の義務を守る。\n\
     5. 事故が起きたときは速やかに対応し、再発を防ぐ。",
);

fn control_doc(c: &BaseControl, lang: Lang) -> Doc {
    let mut d = control_doc_without_description(c, lang, false);
    d.str("description", t(c.description, lang));
    d
}

fn procedure_doc(c: &BaseControl, lang: Lang) -> Doc {
    let pid = format!("P-{}", c.id.trim_start_matches("C-"));
    let mut d = Doc::new("procedure", &pid);
    d.str(
        "title",
        &match lang {
            Lang::En => format!("Procedure: {}", c.title.0),
            Lang::Ja => format!("{}の実施手順", c.title.1),
        },
    )
    .flow("implements", &[c.id])
    .str("owner", c.owner);
    let steps: Vec<&str> = c.steps.iter().map(|s| t(*s, lang)).collect();
    d.list("steps", &steps).raw("review: {interval_months: 12}");
    d
}

/// The files of Lv.2.
pub fn files(lang: Lang) -> Vec<File> {
    let mut out = super::common::role_files(Level::Baseline, lang);

    let policy = CONTROLS
        .iter()
        .find(|c| c.part == Part::Policy)
        .expect("C-POLICY");
    let header = (
        "The basic security policy (情報セキュリティ基本方針) and the rule that the measures are written\n\
         down and made known (self-assessment item 25). Fill in: the policy in your own words, who approved\n\
         it, and status: implemented once it is approved and announced.",
        "情報セキュリティ基本方針と、対策をルールにして従業員に示すこと（自社診断の設問 25）。\n\
         記入すること: 自社の言葉での基本方針、承認した人、承認・周知したら status: implemented。",
    );
    let docs = vec![policy_doc(policy, lang), procedure_doc(policy, lang)];
    out.push(File::docs("policy.yaml", t(header, lang), docs));

    for part in [Part::Basic, Part::Employees, Part::Organization] {
        let members: Vec<&BaseControl> = CONTROLS.iter().filter(|c| c.part == part).collect();
        let what = t(part.title(), lang);
        let control_header = match lang {
            Lang::En => format!(
                "Lv.2 baseline approach, security standards (controls). {what}.\n\
                 Each control maps to the self-assessment items it answers (ipa-sme:N) and to ISO/IEC 27001:2022.\n\
                 Fill in: status (implemented once in place: it then needs its procedure), owner, and the description as your rule."
            ),
            Lang::Ja => format!(
                "Lv.2 ベースラインアプローチの対策基準（管理策）。{what}。\n\
                 各管理策は、対応する自社診断の設問（ipa-sme:N）と ISO/IEC 27001:2022 の管理策に対応付けてある。\n\
                 記入すること: status（実施したら implemented。実施手順が必要になる）、owner、自社のルールとしての description。"
            ),
        };
        out.push(File::docs(
            format!("controls/{}.yaml", part.stem()),
            control_header,
            members.iter().map(|c| control_doc(c, lang)).collect(),
        ));
        let procedure_header = match lang {
            Lang::En => format!(
                "Lv.2 baseline approach, procedures (実施手順) for the controls in controls/{}.yaml.\n\
                 Fill in: the steps as your company carries them out, the owner, the evidence you keep, and review.last once reviewed.",
                part.stem()
            ),
            Lang::Ja => format!(
                "Lv.2 ベースラインアプローチの実施手順（controls/{}.yaml の管理策の手順）。\n\
                 記入すること: 自社で実際に行う手順（steps）、担当（owner）、残す記録（evidence）、見直したら review.last。",
                part.stem()
            ),
        };
        out.push(File::docs(
            format!("procedures/{}.yaml", part.stem()),
            procedure_header,
            members.iter().map(|c| procedure_doc(c, lang)).collect(),
        ));
    }
    out
}

/// The policy control: the basic policy's statements are its description.
fn policy_doc(policy: &BaseControl, lang: Lang) -> Doc {
    let mut d = control_doc_without_description(policy, lang, true);
    let text = format!("{}\n{}", t(policy.description, lang), t(POLICY, lang));
    d.block("description", &text);
    d
}

fn control_doc_without_description(c: &BaseControl, lang: Lang, policy: bool) -> Doc {
    let mut d = Doc::new("control", c.id);
    d.str("title", t(c.title, lang))
        .str("category", c.category)
        .raw(match (lang, policy) {
            (Lang::En, true) => "status: planned   # implemented once approved and announced (its procedure is below)",
            (Lang::Ja, true) => "status: planned   # 承認・周知したら implemented（実施手順は下にある）",
            (Lang::En, false) => "status: planned   # planned | partial | implemented (needs a procedure) | not-implemented",
            (Lang::Ja, false) => "status: planned   # planned（計画）| partial（一部実施）| implemented（実施済み、実施手順が必要）| not-implemented",
        })
        .str("owner", c.owner);
    let maps: Vec<String> = c
        .ipa
        .iter()
        .map(|i| format!("ipa-sme:{i}"))
        .chain(c.iso.iter().map(|i| format!("iso27001-2022:{i}")))
        .collect();
    let refs: Vec<&str> = maps.iter().map(String::as_str).collect();
    d.flow("maps_to", &refs);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_self_assessment_item_is_covered_once_or_more() {
        let fw = crate::catalog::catalogs().framework("ipa-sme").unwrap();
        for item in &fw.controls {
            assert!(
                CONTROLS.iter().any(|c| c.ipa.contains(&item.id.as_str())),
                "ipa-sme:{} is not covered",
                item.id
            );
        }
        let annex = crate::catalog::catalogs()
            .framework("iso27001-2022")
            .unwrap();
        for c in CONTROLS {
            for i in c.iso {
                assert!(annex.control(i).is_some(), "{} maps to unknown {i}", c.id);
            }
            for i in c.ipa {
                assert!(
                    fw.control(i).is_some(),
                    "{} maps to unknown ipa-sme:{i}",
                    c.id
                );
            }
        }
    }
}
