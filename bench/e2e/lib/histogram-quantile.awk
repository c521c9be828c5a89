# The q-quantile, in milliseconds, of the observations a Prometheus histogram gained between
# scrapes of /metrics. Takes pairs of scrapes (before, after) — one pair per measured run — and
# adds up what each bucket gained in every pair, so several runs of the same load give one
# distribution. Interpolates linearly inside the bucket that holds the rank, as Prometheus'
# histogram_quantile() does: the answer is an estimate whose precision is the bucket width
# (Envoi's accept buckets double: 0.5, 1, 2, 4 ... ms).
#
# Usage: awk -v metric=envoi_accept_latency_seconds -v q=0.99 -f histogram-quantile.awk B1 A1 [B2 A2 ...]
# Prints "-" when nothing was observed, ">X" when the rank falls in the +Inf bucket.

function label_le(series) {
    match(series, /le="[^"]*"/)
    return substr(series, RSTART + 4, RLENGTH - 5)
}

FNR == 1 { file++ } # odd-numbered files are "before" scrapes, even-numbered ones "after"

$1 ~ ("^" metric "_bucket[{]") {
    le = label_le($1)
    gained[le] += (file % 2 == 1 ? -1 : 1) * $2
    if (!(le in seen)) { seen[le] = 1; order[++n] = le } # the exporter lists buckets in ascending order
}

END {
    total = gained["+Inf"]
    if (total <= 0) { print "-"; exit }
    rank = q * total
    lower = 0; below = 0
    for (i = 1; i <= n; i++) {
        le = order[i]
        cumulative = gained[le]
        if (cumulative >= rank) {
            if (le == "+Inf") { printf ">%.1f\n", lower * 1000; exit }
            inside = cumulative - below
            fraction = inside > 0 ? (rank - below) / inside : 1
            printf "%.1f\n", (lower + (le - lower) * fraction) * 1000
            exit
        }
        lower = le + 0; below = cumulative
    }
    print "-"
}
