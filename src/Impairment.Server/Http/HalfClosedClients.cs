using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Lets a client half-close (send the request, then shut down its write side, as <c>nc -N</c> and some scripts do)
/// and still get its answer. Kestrel treats the client's FIN as the end of the connection twice over: the socket
/// transport signals "connection closed", which aborts the response, and a request body that ends with the FIN is
/// "unexpected end of request content" even when every byte arrived. Behind this wrapper the FIN is reported only
/// once the bytes before it have been examined, and "connection closed" only when the connection is really over.
/// A client that vanished is noticed when the response cannot be written: API calls never wait long, so that is
/// soon enough.
/// </summary>
internal static class HalfClosedClients
{
    public static void Allow(ListenOptions listen) =>
        listen.Use(next =>
            async connection =>
            {
                await using var wrapped = new Wrapped(connection);
                await next(wrapped).ConfigureAwait(false);
            }
        );

    private sealed class Wrapped(ConnectionContext inner) : ConnectionContext
    {
        private readonly CancellationTokenSource _closed = new();

        public override string ConnectionId
        {
            get => inner.ConnectionId;
            set => inner.ConnectionId = value;
        }

        public override IFeatureCollection Features => inner.Features;

        public override IDictionary<object, object?> Items
        {
            get => inner.Items;
            set => inner.Items = value;
        }

        public override IDuplexPipe Transport { get; set; } = new Duplex(new FinAfterData(inner.Transport.Input), inner.Transport.Output);

        public override CancellationToken ConnectionClosed
        {
            get => _closed.Token;
            set => throw new NotSupportedException();
        }

        public override EndPoint? LocalEndPoint
        {
            get => inner.LocalEndPoint;
            set => inner.LocalEndPoint = value;
        }

        public override EndPoint? RemoteEndPoint
        {
            get => inner.RemoteEndPoint;
            set => inner.RemoteEndPoint = value;
        }

        public override void Abort(ConnectionAbortedException abortReason) => inner.Abort(abortReason);

        public override void Abort() => inner.Abort();

        public override ValueTask DisposeAsync()
        {
            _closed.Cancel();
            _closed.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Reports the end of the input only when the reader has examined every byte before it.</summary>
    private sealed class FinAfterData(PipeReader inner) : PipeReader
    {
        private ReadOnlySequence<byte> _last;

        // Bytes left after the last AdvanceTo that examined everything it was given; -1 when it did not.
        private long _examinedRest = -1;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            Defer(await inner.ReadAsync(cancellationToken).ConfigureAwait(false));

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
                return false;
            result = Defer(result);
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            _examinedRest = examined.Equals(_last.End) ? _last.Slice(consumed).Length : -1;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        private ReadResult Defer(ReadResult result)
        {
            _last = result.Buffer;
            var nothingNew = _examinedRest >= 0 && result.Buffer.Length == _examinedRest;
            var hide = result.IsCompleted && !result.Buffer.IsEmpty && !nothingNew;
            return hide ? new ReadResult(result.Buffer, result.IsCanceled, isCompleted: false) : result;
        }
    }
}
