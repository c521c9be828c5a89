namespace Envoi.Web.Console;

/// <summary>
/// The console's one stylesheet and one script, served from <c>/console/</c> so the
/// Content-Security-Policy can forbid every inline style and script.
/// </summary>
internal static class ConsoleAssets
{
    public const string Css = """
        :root { --ink:#1d2433; --muted:#5b6475; --line:#d9dde5; --brand:#1f4e79; --bg:#f6f7f9; --ok:#1b7f3b; --bad:#b42318; }
        * { box-sizing: border-box; }
        body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
        header { background:var(--brand); color:#fff; padding:.6rem 1rem; display:flex; flex-wrap:wrap; gap:1rem; align-items:center; }
        header a, header button { color:#fff; text-decoration:none; }
        header nav { display:flex; flex-wrap:wrap; gap:1rem; flex:1; }
        header form { margin:0; }
        header button { background:none; border:1px solid rgba(255,255,255,.6); border-radius:4px; padding:.2rem .6rem; cursor:pointer; font:inherit; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline:3px solid #f5a623; outline-offset:1px; }
        main { max-width:1100px; margin:1.5rem auto; padding:0 1rem; }
        h1 { font-size:1.5rem; margin:.2rem 0 1rem; }
        h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; }
        .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:1rem; margin-bottom:1rem; }
        .grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(240px, 1fr)); gap:1rem; }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { text-align:left; padding:.45rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
        label { display:block; font-weight:600; margin:.6rem 0 .2rem; }
        input[type=text], input[type=email], input[type=password], input[type=datetime-local], input[type=date], input[type=number], select, textarea {
            width:100%; padding:.45rem; border:1px solid #aab1bf; border-radius:4px; font:inherit; background:#fff; }
        textarea { font-family:ui-monospace, Menlo, Consolas, monospace; font-size:13px; min-height:14rem; }
        button, .button { background:var(--brand); color:#fff; border:0; border-radius:4px; padding:.45rem .9rem; font:inherit; cursor:pointer; text-decoration:none; display:inline-block; }
        button.secondary { background:#e8ebf0; color:var(--ink); }
        button.danger { background:var(--bad); }
        .actions { display:flex; flex-wrap:wrap; gap:.4rem; align-items:center; }
        .actions form { margin:0; }
        .muted { color:var(--muted); }
        .notice { border-left:4px solid var(--ok); background:#eef8f1; padding:.6rem .8rem; margin-bottom:1rem; }
        .error { border-left:4px solid var(--bad); background:#fdf0ef; padding:.6rem .8rem; margin-bottom:1rem; }
        .error ul { margin:.3rem 0 0 1.2rem; padding:0; }
        .stat { font-size:1.8rem; font-weight:700; }
        progress { width:100%; height:1.2rem; }
        iframe.preview { width:100%; min-height:220px; border:1px solid var(--line); border-radius:4px; background:#fff; }
        pre { white-space:pre-wrap; background:#fff; border:1px solid var(--line); padding:.6rem; border-radius:4px; }
        .countdown { font-variant-numeric:tabular-nums; font-weight:600; }
        svg.chart { width:100%; height:auto; background:#fff; border:1px solid var(--line); border-radius:6px; }
        svg.chart .bar { fill:var(--brand); }
        svg.chart .axis { font-size:11px; fill:var(--muted); }
        svg.chart .baseline { stroke:var(--line); }
        .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
        .two { display:grid; grid-template-columns:1fr 1fr; gap:1rem; }
        @media (max-width: 700px) { .two { grid-template-columns:1fr; } th, td { padding:.35rem .3rem; } }
        """;

    /// <summary>
    /// Counts down held messages' undo windows (reloading the outbox when one has left), and keeps
    /// the template editor's preview in step with the text, half a second after typing stops.
    /// </summary>
    public const string Script = """
        (function () {
          var waiting = document.querySelector('[data-refresh]');
          if (waiting) setTimeout(function () { location.reload(); }, parseInt(waiting.getAttribute('data-refresh'), 10));
        })();
        (function () {
          var editor = document.querySelector('form[data-live-preview]');
          if (!editor) return;
          var timer = null;
          function refresh() {
            fetch(editor.getAttribute('data-live-preview'), { method: 'POST', body: new FormData(editor), credentials: 'same-origin' })
              .then(function (r) { return r.ok ? r.json() : null; })
              .then(function (result) {
                if (!result) return;
                if (result.previewId) document.querySelector('iframe.preview').src = '/console/preview/' + result.previewId;
                document.getElementById('live-text').textContent = result.text || '';
                document.getElementById('live-weight').textContent = result.weight || '';
                var error = document.getElementById('live-error');
                error.textContent = result.error || ''; error.hidden = !result.error;
                var list = document.getElementById('live-issues');
                list.textContent = '';
                (result.issues || []).forEach(function (issue) { var li = document.createElement('li'); li.textContent = issue; list.appendChild(li); });
              });
          }
          editor.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 500); });
        })();
        (function () {
          var items = document.querySelectorAll('[data-release-at]');
          if (items.length === 0) return;
          function tick() {
            var reload = false;
            items.forEach(function (el) {
              var left = Math.round((Date.parse(el.getAttribute('data-release-at')) - Date.now()) / 1000);
              if (left <= 0) { el.textContent = 'leaving now'; reload = reload || el.hasAttribute('data-live'); return; }
              var m = Math.floor(left / 60), s = left % 60;
              el.textContent = (m > 0 ? m + ' min ' : '') + s + ' s left';
            });
            if (reload) { setTimeout(function () { location.reload(); }, 1500); return; }
            setTimeout(tick, 1000);
          }
          tick();
        })();
        """;
}
