using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>
/// Parses YAML without ever throwing: syntax errors become located diagnostics. YamlDotNet sometimes fails on
/// malformed input with a bare InvalidOperationException (no position); the position is then recovered by
/// scanning tokens up to the failure.
/// </summary>
internal static class YamlText
{
    public static YamlStream? Load(string text, string file, DiagnosticBag? diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics?.Add(new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax error: {message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            var at = LastGoodMark(text);
            diagnostics?.Add(
                new SourceLocation(file, (int)at.Line, (int)at.Column),
                "YAML syntax error: the document is malformed after this point (check brackets, quotes and indentation)"
            );
        }
        return null;
    }

    private static Mark LastGoodMark(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (scanner.MoveNext())
                last = scanner.Current!.End;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException) { }
        return last;
    }
}
