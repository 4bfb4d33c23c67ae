namespace Harness.Reports.Html;

/// <summary>The report's stylesheet: inline so the file opens offline; readable in print and dark mode.</summary>
internal static class Styles
{
    public const string Css = """
        :root { color-scheme: light dark; --fg:#1d1f23; --bg:#ffffff; --muted:#5f6673; --line:#d9dce1; --pass:#1b7f3b; --fail:#b3261e; --warn:#8a5a00; }
        @media (prefers-color-scheme: dark) { :root { --fg:#e6e8eb; --bg:#15171a; --muted:#a0a7b3; --line:#343841; --pass:#5fd08a; --fail:#ff8a80; --warn:#ffcc66; } }
        body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
        h1 { margin: .2rem 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        code { font: 12px ui-monospace, monospace; word-break: break-all; }
        .verdict { display: inline-block; font-weight: 700; padding: .2rem .8rem; border-radius: .3rem; color: #fff; }
        .verdict.passed { background: var(--pass); } .verdict.failed, .verdict.error { background: var(--fail); } .verdict.interrupted { background: var(--warn); }
        .pass { color: var(--pass); font-weight: 700; } .fail { color: var(--fail); font-weight: 700; }
        .url { color: var(--muted); margin: 0; }
        @media print { body { margin: 0; max-width: none; } .verdict { border: 1px solid #000; color: #000; background: none !important; } }
        """;
}
