using System.Text.Json;
using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Validation;

/// <summary>Reads one browser step: a mapping with one key naming the step (and an optional <c>timeout</c>).</summary>
internal static class BrowserStepReader
{
    public static readonly string[] Kinds =
    [
        "goto",
        "click",
        "fill",
        "press",
        "select",
        "wait_for",
        "expect_text",
        "expect_visible",
        "expect_hidden",
        "expect_url",
        "expect_title",
        "evaluate",
        "screenshot",
        "wait",
        "network",
        "record",
    ];

    private static readonly Dictionary<string, string[]> Settings = new(StringComparer.Ordinal)
    {
        ["goto"] = ["url", "wait_until"],
        ["fill"] = ["selector", "value"],
        ["press"] = ["selector", "key"],
        ["select"] = ["selector", "values"],
        ["wait_for"] = ["selector", "state", "url", "load_state"],
        ["expect_text"] = ["selector", "text", "exact"],
        ["expect_url"] = ["url", "regex"],
        ["expect_title"] = ["title", "regex"],
        ["evaluate"] = ["expression", "expected"],
        ["network"] = ["latency", "download", "upload", "offline"],
        ["record"] = ["metric", "js", "selector"],
    };

    /// <param name="pageUrls">Collects each <c>goto</c> URL with where it is written, for the allow_hosts check.</param>
    public static BrowserStep? Read(
        YamlNode node,
        YamlReadContext context,
        ValueReader values,
        ICollection<Located<string>>? pageUrls = null
    )
    {
        var step = MappingReader.Open(node, "browser step", context, [.. Kinds, "timeout"]);
        if (step is null)
            return null;
        var kinds = Kinds.Where(step.Has).ToList();
        if (kinds.Count != 1)
        {
            values.Diagnostics.Add(step.Location, $"browser step: give exactly one of {string.Join(", ", Kinds)}");
            return null;
        }
        var kind = kinds[0];
        var value = step.Node(kind)!;
        var result = value is YamlScalarNode ? Scalar(kind, step.Scalar(kind), values) : Mapping(kind, value, context, values);
        if (result is null)
            return null;
        if (result is GotoStep page)
            pageUrls?.Add(new Located<string>(page.Url, context.At(UrlNode(value))));
        return step.Scalar("timeout") is { } timeout
            ? result with
            {
                Timeout = values.Duration(timeout, $"{kind} timeout", TimeSpan.FromSeconds(30)),
            }
            : result;
    }

    private static YamlNode UrlNode(YamlNode value) =>
        value is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("url"), out var url) ? url : value;

    private static BrowserStep? Scalar(string kind, Located<string>? raw, ValueReader values)
    {
        if (raw is null)
            return null;
        var v = raw.Value;
        switch (kind)
        {
            case "goto":
                return new GotoStep(v);
            case "click":
                return new ClickStep(v);
            case "expect_visible":
                return new ExpectVisibleStep(v);
            case "expect_hidden":
                return new ExpectHiddenStep(v);
            case "expect_url":
                return new ExpectUrlStep(v);
            case "expect_title":
                return new ExpectTitleStep(v);
            case "wait_for":
                return new WaitForStep { Selector = v };
            case "evaluate":
                return new EvaluateStep(v);
            case "screenshot":
                return new ScreenshotStep(v);
            case "wait":
                return new WaitStep(values.Duration(raw, "wait", TimeSpan.FromSeconds(1)));
            case "network" when v == "reset":
                return new NetworkStep { Reset = true };
        }
        values.Diagnostics.Add(
            raw.Location,
            $"{kind} step needs a mapping with {string.Join(", ", Settings.GetValueOrDefault(kind) ?? ["its settings"])}"
        );
        return null;
    }

    private static BrowserStep? Mapping(string kind, YamlNode node, YamlReadContext context, ValueReader values)
    {
        if (!Settings.TryGetValue(kind, out var keys))
        {
            context.Error(node, $"{kind} step takes a single value, e.g. {kind}: \"#connected\"");
            return null;
        }
        var m = MappingReader.Open(node, $"{kind} step", context, keys);
        if (m is null)
            return null;
        string Req(string key) => m.Scalar(key, required: true)?.Value ?? string.Empty;
        return kind switch
        {
            "goto" => new GotoStep(Req("url"))
            {
                WaitUntil = m.Scalar("wait_until") is { } w ? LoadState(w, values) : BrowserLoadState.Load,
            },
            "fill" => new FillStep(Req("selector"), m.Scalar("value")?.Value ?? string.Empty),
            "press" => new PressStep(Req("selector"), Req("key")),
            "select" => new SelectStep(Req("selector"), m.ScalarList("values").Select(x => x.Value).ToList()),
            "wait_for" => new WaitForStep
            {
                Selector = m.Scalar("selector")?.Value,
                State = m.Scalar("state") is { } st ? Enum<ElementState>(st, values) : ElementState.Visible,
                Url = m.Scalar("url")?.Value,
                LoadState = m.Scalar("load_state") is { } ls ? LoadState(ls, values) : null,
            },
            "expect_text" => new ExpectTextStep(Req("selector"), Req("text")) { Exact = Flag(m, "exact", kind, values) },
            "expect_url" => new ExpectUrlStep(Req("url")) { IsRegex = Regex(m, "url", kind, values) },
            "expect_title" => new ExpectTitleStep(Req("title")) { IsRegex = Regex(m, "title", kind, values) },
            "evaluate" => new EvaluateStep(Req("expression")) { Expected = m.Node("expected") is YamlScalarNode e ? Json(e) : null },
            "record" => Record(m, values),
            _ => new NetworkStep
            {
                Conditions = new NetworkConditions
                {
                    Latency = values.Duration(m.Scalar("latency"), "network latency", TimeSpan.Zero, allowZero: true),
                    DownloadBytesPerSecond = Rate(m.Scalar("download"), values),
                    UploadBytesPerSecond = Rate(m.Scalar("upload"), values),
                    Offline = m.Scalar("offline")?.Value == "true",
                },
            },
        };
    }

    private static bool Flag(MappingReader m, string key, string kind, ValueReader values) => values.Flag(m.Scalar(key), $"{kind} {key}");

    // With regex: true the pattern is checked here, so a bad one is reported at its file:line:col before anything runs.
    private static bool Regex(MappingReader m, string key, string kind, ValueReader values)
    {
        var regex = Flag(m, "regex", kind, values);
        if (!regex || m.Scalar(key) is not { } pattern)
            return regex;
        try
        {
            _ = new System.Text.RegularExpressions.Regex(
                pattern.Value,
                System.Text.RegularExpressions.RegexOptions.None,
                TimeSpan.FromSeconds(1)
            );
        }
        catch (ArgumentException ex)
        {
            values.Diagnostics.Add(pattern.Location, $"{kind} {key}: not a valid regular expression: {ex.Message}");
        }
        return regex;
    }

    private static RecordStep? Record(MappingReader m, ValueReader values)
    {
        var metric = m.Scalar("metric", required: true);
        var (js, selector) = (m.Scalar("js"), m.Scalar("selector"));
        if (js is null == selector is null)
            values.Diagnostics.Add(m.Location, "record step: give exactly one of js, selector");
        if (metric is not null && AttributeKeysReader.MetricNameProblem(metric.Value) is { } problem)
            values.Diagnostics.Add(metric.Location, $"record {problem}");
        return metric is null ? null : new RecordStep(metric.Value) { Script = js?.Value, Selector = selector?.Value };
    }

    private static long? Rate(Located<string>? raw, ValueReader values)
    {
        if (raw is null)
            return null;
        var (kb, error) = UnitParser.Parse(raw.Value, Model.AttributeUnit.KilobytesPerSecond);
        if (error is not null)
            values.Diagnostics.Add(raw.Location, $"network: {error}");
        return kb * 1000;
    }

    // YAML scalars stay strings unless plainly numbers or booleans, as the page's JSON would be.
    private static JsonElement Json(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        var plain = node.Style == YamlDotNet.Core.ScalarStyle.Plain;
        var json =
            plain
            && (
                text is "true" or "false" or "null"
                || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            )
                ? text
                : JsonSerializer.Serialize(text);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static BrowserLoadState LoadState(Located<string> raw, ValueReader values) =>
        raw.Value switch
        {
            "load" => BrowserLoadState.Load,
            "domcontentloaded" => BrowserLoadState.DomContentLoaded,
            "networkidle" => BrowserLoadState.NetworkIdle,
            _ => Fail(raw, "load state must be load, domcontentloaded or networkidle", values, BrowserLoadState.Load),
        };

    private static T Enum<T>(Located<string> raw, ValueReader values)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(raw.Value, ignoreCase: true, out var v)
            ? v
            : Fail(
                raw,
                $"'{raw.Value}' must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}",
                values,
                default(T)
            );

    private static T Fail<T>(Located<string> raw, string message, ValueReader values, T fallback)
    {
        values.Diagnostics.Add(raw.Location, message);
        return fallback;
    }
}
