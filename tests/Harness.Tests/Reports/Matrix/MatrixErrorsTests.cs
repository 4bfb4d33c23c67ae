using Harness.Metrics;
using Harness.Reports.Matrix;

namespace Harness.Tests.Reports.Matrix;

/// <summary>The overview grid says why a cell's exchanges failed, encoded.</summary>
public sealed class MatrixErrorsTests
{
    [Test]
    public void Render_CellWithFailedExchanges_ShowsTopReasonsEncoded()
    {
        var plans = MatrixFixtures.TwoAxes();
        var start = ReportFixtures.Start;
        var cells = plans
            .Select((p, i) => (p.Name, Results: MatrixFixtures.CellResults(p, null, i)))
            .ToDictionary(x => x.Name, x => x.Results, StringComparer.Ordinal);
        var first = cells[plans[0].Name];
        cells[plans[0].Name] = first with
        {
            Probes =
            [
                first.Probes[0] with
                {
                    Errors =
                    [
                        new ErrorTally(
                            "http_req_failed",
                            "refused",
                            10,
                            first.StartedAt.AddSeconds(1),
                            first.StartedAt.AddSeconds(3),
                            "baseline",
                            "<b>&\"refused"
                        ),
                    ],
                },
            ],
        };
        var matrix = MatrixBuilder.Build(MatrixFixtures.Run, plans, cells, start.AddSeconds(80));

        var html = MatrixHtml.Render(matrix);
        var md = MatrixMarkdown.Render(matrix);

        Assert.That(
            matrix.Cells[0].Failures,
            Is.EqualTo(new[] { "api: 10 http_req_failed: refused (10) - first '<b>&\"refused' at 1.0 s in phase baseline" })
        );
        Assert.That(
            html,
            Does.Contain("failed </span>api: 10 http_req_failed: refused (10) - first &#x27;&lt;b&gt;&amp;&quot;refused&#x27; at 1.0 s")
        );
        Assert.That(html, Does.Not.Contain("<b>&"));
        Assert.That(md, Does.Contain("failed: api: 10 http\\_req\\_failed: refused (10)"));
        Assert.That(matrix.Cells[1].Failures, Is.Empty);
    }
}
