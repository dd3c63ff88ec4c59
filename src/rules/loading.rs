//! Rules reported while loading files (the `yaml` and `schema` stages). They are declared
//! here so that `explain`, `rules` and SARIF know them like any other.

use super::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid YAML: a missing colon, a bad indentation, a tab used
    /// for indentation, an unclosed bracket or quote, nesting deeper than 64 levels, or aliases
    /// that expand beyond a safe size ("billion laughs"). Also what YAML allows but no ISMS
    /// file can mean: indentation with a full-width space, and a key that is a list or a
    /// mapping (`? [a, b]`), whose entry is left out.
    ///
    /// ## Why is this bad?
    /// Nothing in a broken document can be checked or reported: its entities are missing from
    /// every report. Parsing resumes at the next `---`, so other documents are still checked.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// 	likelihood: 2    # indented with a tab
    /// ```
    /// Use instead:
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// YAML として読み込めないファイルを報告します。
    /// たとえば、コロンの抜け、インデントのずれ、インデントへのタブ文字の使用、
    /// 閉じていない括弧や引用符、64 段を超える深い入れ子、
    /// 展開すると巨大になるエイリアス（いわゆる「billion laughs」）などです。
    /// YAML としては書けても ISMS のファイルとして意味をなさないもの、
    /// すなわち全角スペースによるインデントや、リストやマッピングをキーにしたもの（`? [a, b]`）も報告します。
    /// 後者の項目は読み込みません。
    ///
    /// ## なぜ問題か
    /// 壊れた文書は中身を読み取れないため、何も検査できません。
    /// そこに書いた資産やリスクなどは、すべての報告書から抜け落ちます。
    /// なお、読み込みは次の `---` から再開するので、同じファイルのほかの文書は引き続き検査されます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// 	likelihood: 2    # タブ文字でインデントしている
    /// ```
    /// 代わりに:
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// ```
    pub struct YamlSyntax {
        code: "yaml/syntax",
        severity: Error,
        summary: "The file is not valid YAML",
        summary_ja: "YAML の構文が正しくない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a file that is not UTF-8 text: Shift_JIS (common from Excel on Japanese
    /// Windows), UTF-16, or a binary file with a YAML name. A UTF-8 byte-order mark and CRLF
    /// line ends are fine.
    ///
    /// ## Why is this bad?
    /// YAML is UTF-8; other tools (editors, GitHub, the schema validator) would read the file
    /// as garbage or refuse it.
    ///
    /// ## Example
    /// A `risks.yaml` saved as Shift_JIS.
    ///
    /// Use instead: re-save it as UTF-8 (VS Code: "Save with Encoding" → UTF-8).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// UTF-8 のテキストではないファイルを報告します。
    /// 日本語版 Windows の Excel などで保存するとよく生じる Shift_JIS や UTF-16、
    /// 名前だけが YAML のバイナリファイルが該当します。
    /// UTF-8 の BOM（バイトオーダーマーク）付きや、改行コードが CRLF のファイルは問題ありません。
    ///
    /// ## なぜ問題か
    /// YAML は UTF-8 で書く決まりです。
    /// それ以外の文字コードで保存すると、エディタや GitHub、スキーマ検証ツールなどのほかのツールで、
    /// 文字化けしたり読み込みを拒否されたりします。
    ///
    /// ## 例
    /// Shift_JIS で保存された `risks.yaml`。
    ///
    /// 代わりに: UTF-8 で保存し直してください（VS Code では「エンコード付きで保存」→「UTF-8」）。
    pub struct YamlEncoding {
        code: "yaml/encoding",
        severity: Error,
        summary: "The file is not UTF-8 text",
        summary_ja: "ファイルが UTF-8 のテキストではない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a key given twice in the same mapping.
    ///
    /// ## Why is this bad?
    /// YAML forbids it, and tools disagree on which value wins: the linter, the editor and an
    /// auditor's script could each read a different likelihood.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// likelihood: 3
    /// ```
    /// Use instead: keep one `likelihood`.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 1つのマッピングの中に、同じキーが2回書かれている箇所を報告します。
    ///
    /// ## なぜ問題か
    /// YAML では禁止されている書き方で、どちらの値が採用されるかはツールによって異なります。
    /// このリンター、エディタ、監査人のスクリプトが、
    /// それぞれ違う被害発生可能性を読み取ってしまうおそれがあります。
    ///
    /// ## 例
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// likelihood: 3
    /// ```
    /// 代わりに: `likelihood` は1つだけにしてください。
    pub struct YamlDuplicateKey {
        code: "yaml/duplicate-key",
        severity: Error,
        summary: "A key is given twice in one mapping",
        summary_ja: "同じマッピングにキーが重複している",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a YAML file below the repository root that holds no document at all (empty,
    /// or only comments).
    ///
    /// ## Why is this bad?
    /// It is usually a file whose content was lost or never written; an entity someone meant
    /// to add is missing.
    ///
    /// ## Example
    /// An empty `risks/R-020.yaml`.
    ///
    /// Use instead: write the entity, or delete the file (or list it under `exclude:`).
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リポジトリのルートより下にある YAML ファイルのうち、
    /// 文書を1つも含まないもの（空のファイルや、コメントしかないファイル）を報告します。
    ///
    /// ## なぜ問題か
    /// 多くの場合、内容が消えてしまったか、書き忘れたファイルです。
    /// 誰かが追加するつもりだった資産やリスクなどが、登録されないままになっています。
    ///
    /// ## 例
    /// 空の `risks/R-020.yaml`。
    ///
    /// 代わりに: 内容を書くか、ファイルを削除してください（または isms.yaml の `exclude:` に挙げて対象外にします）。
    pub struct YamlEmpty {
        code: "yaml/empty",
        severity: Warning,
        summary: "A YAML file holds no entity",
        summary_ja: "YAML ファイルにエンティティがない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a document that breaks the JSON Schema of its kind (`schema/<kind>.schema.json`):
    /// an unknown `kind`, a missing required field, a value of the wrong type or outside its
    /// range, an unknown or misspelt field, a malformed date, a number where an id belongs
    /// (`5.10` is read as 5.1: quote it), or a setting in `isms.yaml` that does not exist.
    ///
    /// ## Why is this bad?
    /// The rules and reports read the typed model; a field they cannot read is as good as
    /// missing, and a misspelt field (`likelyhood`) is silently ignored by anything less strict.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-PASSWORD
    /// title: 多要素認証
    /// category: technological
    /// status: implemented
    /// maps_to: [iso27001-2022:5.10, 8.5]
    /// ```
    /// Use instead:
    /// ```yaml
    /// maps_to: ["iso27001-2022:5.10", "iso27001-2022:8.5"]
    /// ```
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// 文書が、その種類（`kind`）ごとの JSON Schema（`schema/<kind>.schema.json`）に
    /// 違反しているものを報告します。
    /// 未知の `kind`、必須項目の抜け、型や範囲の誤った値、存在しない項目やつづりを間違えた項目、
    /// 日付の書式の誤り、ID を書くべき所にある数値
    /// （`5.10` は数値の 5.1 と読まれるので、引用符で囲みます）、
    /// `isms.yaml` に存在しない設定などが該当します。
    ///
    /// ## なぜ問題か
    /// ルールや報告書は、項目ごとに型の決まったデータとして文書を読みます。
    /// 読み取れない項目は、書かれていないのと同じです。
    /// また、つづりを間違えた項目（`likelyhood` など）は、チェックの甘いツールでは黙って無視されてしまいます。
    ///
    /// ## 例
    /// ```yaml
    /// kind: control
    /// id: C-PASSWORD
    /// title: 多要素認証
    /// category: technological
    /// status: implemented
    /// maps_to: [iso27001-2022:5.10, 8.5]
    /// ```
    /// 代わりに:
    /// ```yaml
    /// maps_to: ["iso27001-2022:5.10", "iso27001-2022:8.5"]
    /// ```
    pub struct SchemaInvalid {
        code: "schema/invalid",
        severity: Error,
        summary: "A document breaks the schema of its kind",
        summary_ja: "文書がその種類（`kind`）のスキーマに違反している",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a `*.yaml` entry below the repository root that is not read: a symbolic link
    /// that leads out of the repository or to nothing, a FIFO, a socket or a device, or a file
    /// larger than 64 MB.
    ///
    /// ## Why is this bad?
    /// What the repository says must be in the repository: a link to `/etc` or to another
    /// checkout makes the result depend on the machine it runs on, and a FIFO or a device can
    /// block the run or never end. The entities such a file was meant to hold are missing.
    ///
    /// ## Example
    /// `risks/shared.yaml` linking to `/home/me/other-repo/risks.yaml`.
    ///
    /// Use instead: copy the file into the repository (or split a huge one), or delete the link.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// リポジトリのルートより下にある `*.yaml` のうち、読み込まないものを報告します。
    /// リポジトリの外やどこも指していないシンボリックリンク、FIFO・ソケット・デバイス、
    /// 64 MB を超えるファイルです。
    ///
    /// ## なぜ問題か
    /// リポジトリの内容はリポジトリの中にあるべきです。`/etc` や別のチェックアウトへのリンクは、
    /// 実行するマシンによって結果を変えてしまいます。FIFO やデバイスは実行を止めたり、
    /// 終わらなくしたりします。そのファイルに書くはずだったエンティティは登録されていません。
    ///
    /// ## 例
    /// `/home/me/other-repo/risks.yaml` を指す `risks/shared.yaml`。
    ///
    /// 代わりに: ファイルをリポジトリの中にコピーする（大きすぎるものは分割する）か、リンクを削除してください。
    pub struct FileSkipped {
        code: "file/skipped",
        severity: Error,
        summary: "A YAML entry is not read: a link out of the repository, not a regular file, or too large",
        summary_ja: "読み込まない YAML: リポジトリ外へのリンク、通常のファイルでないもの、大きすぎるファイル",
    }
}
