namespace Harness.Reports.Markdown;

/// <summary>Markdown escaping for run data: text never becomes markup, links or table breaks.</summary>
internal static class Md
{
    /// <summary>Plain text in a table cell or paragraph: HTML, emphasis, links and pipes are neutralised; one line.</summary>
    public static string Text(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(
                c switch
                {
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '&' => "&amp;",
                    '|' => "\\|",
                    '\r' or '\n' or '\t' => " ",
                    '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '!' => "\\" + c,
                    _ => c.ToString(),
                }
            );
        }
        return builder.ToString();
    }

    /// <summary>A code span (expressions, commands): backticks cannot close it early and pipes cannot split a table cell.</summary>
    public static string Code(string value) =>
        "`" + value.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`";

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    public static string Header(params string[] cells) => Row(cells) + "\n" + Row(cells.Select(_ => "---").ToArray());
}
