namespace Harness.Reports.Html;

/// <summary>
/// The report's stylesheet: inline so the file opens offline; readable in print and dark mode. Chart colours are classes.
/// </summary>
internal static class Styles
{
    public const string Css = """
        :root { color-scheme: light dark; --fg:#1d1f23; --bg:#ffffff; --muted:#5f6673; --line:#d9dce1; --pass:#1b7f3b; --fail:#b3261e; --warn:#8a5a00;
          --phase:#f1f3f6; --phase-alt:#e7eaef; --impaired:#fbe7d3; --avg:#1f5fbf; --max:#8fb3ea; --failc:#b3261e; --thr:#6b4fbb; --event:#8a5a00; --reference:#f6f8fa; --conn:#0f7b6c; --bar:#1f5fbf; --bar-zero:#9aa3af; }
        @media (prefers-color-scheme: dark) { :root { --fg:#e6e8eb; --bg:#15171a; --muted:#a0a7b3; --line:#343841; --pass:#5fd08a; --fail:#ff8a80; --warn:#ffcc66;
          --phase:#1c1f24; --phase-alt:#22262c; --impaired:#3a2a1a; --avg:#7fb0ff; --max:#3d5f8f; --failc:#ff8a80; --thr:#b9a3ff; --event:#ffcc66; --reference:#1c1f24; --conn:#4fd1c5; --bar:#7fb0ff; --bar-zero:#5f6673; } }
        body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
        h1 { margin: .2rem 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; } h3 { margin: 1.2rem 0 .2rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        tr.failed td { background: color-mix(in srgb, var(--fail) 10%, transparent); } tr.total td { font-weight: 600; } tr.reference td { background: var(--reference); }
        code { font: 12px ui-monospace, monospace; word-break: break-all; }
        pre { overflow-x: auto; border: 1px solid var(--line); padding: .5rem; } details summary { cursor: pointer; color: var(--muted); }
        .verdict { display: inline-block; font-weight: 700; padding: .2rem .8rem; border-radius: .3rem; color: #fff; font-size: 1.1rem; }
        .verdict.passed { background: var(--pass); } .verdict.failed, .verdict.error { background: var(--fail); } .verdict.interrupted,
        .verdict.inconclusive { background: var(--warn); }
        .headline { margin: .3rem 0; } .description, .url, .note { color: var(--muted); margin: 0; } .note { font-size: 12px; }
        ul.failing, ul.errors { margin: .5rem 0; padding-left: 1.2rem; font-size: 15px; } ul.failing li, ul.errors li { margin: .2rem 0; }
        .pass { color: var(--pass); font-weight: 700; } .fail { color: var(--fail); font-weight: 700; } .flaky { color: var(--warn); font-weight: 700; }
        figure.chart { margin: .3rem 0 1rem; } svg.timeline { width: 100%; height: auto; font: 10px system-ui, sans-serif; }
        svg .phase { fill: var(--phase); } svg .phase.alt { fill: var(--phase-alt); } svg .phase.impaired { fill: var(--impaired); }
        svg .phase-label, svg .panel-title { fill: var(--muted); font-weight: 600; } svg .tick { fill: var(--muted); }
        svg .frame { fill: none; stroke: var(--line); } svg .grid { stroke: var(--line); stroke-dasharray: 2 3; }
        svg polyline { fill: none; stroke-width: 1.5; stroke-linejoin: round; }
        svg .l-avg { stroke: var(--avg); } svg .l-max { stroke: var(--max); stroke-width: 1; } svg .l-fail { stroke: var(--failc); } svg .l-thr { stroke: var(--thr); }
        svg .event-line { stroke: var(--event); stroke-dasharray: 4 3; } svg .event-mark { fill: var(--event); }
        svg.spark { vertical-align: middle; } svg .spark-line { stroke: var(--muted); stroke-width: 1; } svg .limit { stroke: var(--fail); stroke-dasharray: 2 2; stroke-width: .8; }
        svg .dot-pass { fill: var(--pass); } svg .dot-fail { fill: var(--fail); }
        .legend { display: inline-flex; align-items: center; gap: .3rem; margin-right: 1rem; font-size: 12px; }
        .sw { display: inline-block; width: 14px; height: 3px; background: var(--muted); } .sw.l-avg { background: var(--avg); } .sw.l-max { background: var(--max); }
        .sw.l-fail { background: var(--failc); } .sw.l-thr { background: var(--thr); } .sw.phase.impaired { background: var(--impaired); height: 10px; }
        .regressed { color: var(--fail); font-weight: 700; } .improved { color: var(--pass); font-weight: 700; } .unchanged { color: var(--muted); }
        @media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } body { margin: 0; max-width: none; font-size: 11px; }
          .verdict { border: 1px solid #000; } details > pre { white-space: pre-wrap; } figure.chart, tr { break-inside: avoid; } h2 { break-after: avoid; } }
        .screenshots { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0 1rem; }
        .screenshots figure { margin: 0; } .screenshots img { border: 1px solid var(--line); max-width: 100%; height: auto; }
        .screenshots figcaption { color: var(--muted); font-size: 12px; }
        svg .l-conn { stroke: var(--conn); } .sw.l-conn { background: var(--conn); } svg.series { width: 100%; height: auto; font: 10px system-ui, sans-serif; }
        .histograms { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; } figure.histogram { margin: 0; width: 19rem; }
        figure.histogram figcaption { color: var(--muted); font-size: 12px; } svg.histogram { width: 100%; height: auto; font: 10px system-ui, sans-serif; }
        svg .bar { fill: var(--bar); } svg .bar.zero { fill: var(--bar-zero); } h4 { margin: .8rem 0 .2rem; } ul.unread code { white-space: pre-wrap; }
        @media print { .histograms, figure.histogram { break-inside: avoid; } svg .bar { stroke: #000; stroke-width: .3; } }
        """;
}
