# What a client may make the edge do: included by redaksi.vcl. docs/caching.md ("Hardening") explains it.
#
# - forwarding headers come from the edge only: a client's X-Forwarded-*, Forwarded, X-Real-IP... are dropped;
#   X-Forwarded-For is the client's address, X-Forwarded-Proto is "https" only on the `tls` listener (the TLS
#   terminator's PROXY-protocol socket), "http" everywhere else;
# - URLs are normalised before lookup: tracking parameters removed, pages keep only the parameters they read,
#   the rest sorted, so `?utm_source=1..300` is one cache object;
# - every request that reaches the app (a miss or a pass) spends a token of its client's bucket; past the bound
#   the edge answers 429 with Retry-After instead of the app.

import vsthrottle;

sub redaksi_forwarding {
    unset req.http.Forwarded;
    unset req.http.X-Forwarded-Proto;
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Port;
    unset req.http.X-Forwarded-Server;
    unset req.http.X-Forwarded-Prefix;
    unset req.http.X-Forwarded-Ssl;
    unset req.http.X-Forwarded-Scheme;
    unset req.http.X-Url-Scheme;
    unset req.http.X-Scheme;
    unset req.http.Front-End-Https;
    unset req.http.X-Real-IP;
    unset req.http.X-Client-IP;
    unset req.http.X-Cluster-Client-IP;
    unset req.http.True-Client-IP;
    unset req.http.CF-Connecting-IP;
    unset req.http.Fastly-Client-IP;
    unset req.http.X-Original-Forwarded-For;
    unset req.http.X-Host;
    unset req.http.X-Original-URL;
    unset req.http.X-Rewrite-URL;
    # Behind the PROXY protocol client.ip is the reader's address as the terminator saw it; otherwise the peer's.
    set req.http.X-Forwarded-For = client.ip;
    if (local.socket == "tls") {
        set req.http.X-Forwarded-Proto = "https";
    } else {
        set req.http.X-Forwarded-Proto = "http";
    }
}

sub redaksi_normalise_url {
    # Tracking parameters first (every path keeps its query otherwise, e.g. the API), then each family's allow-list.
    set req.url = regsuball(req.url, "(?<=[?&])(?:utm_[^=&]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|twclid|ttclid|li_fat_id|mkt_tok|_hsenc|_hsmi|srsltid|s_cid|ref_src|__twitter_impression)(?:=[^&]*)?(?:&|$)", "");
    if (req.url ~ "^(/en)?/read[0-9]+([/?]|$)"
        || req.url ~ "^/(rss|atom)/"
        || req.url ~ "^/(sitemap[^/?]*\.xml|robots\.txt|health/)(\?|$)") {
        # Stories, feeds, sitemaps, robots.txt, health: no parameters at all.
        set req.url = regsub(req.url, "\?.*$", "");
    } elsif (req.url ~ "^(/en)?/?(\?|$)") {
        # The front page: only WordPress's old query addresses (redaksi/ingest/wordpress/redirects.py).
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:p|page_id|attachment_id)=[0-9]+(?:&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^(/en)?/cari/(\?|$)") {
        # Search (redaksi/search/forms.py).
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:q|rubrik|dari|sampai|urut|halaman)=)[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^(/en)?/(tag|profil)/[^/?]+/(\?|$)") {
        # Tag and author pages: keyset cursors (redaksi/articles/pagination.py).
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:sebelum|sesudah)=)[^&]*(?:&|$)", "");
    } elsif (req.url !~ "^/api/") {
        # Wagtail's pages: sections (cursors), the Indeks (tanggal, rubrik, halaman), the video hub (halaman),
        # the English names they had before (answered by a 301 to the new ones), WordPress
        # query addresses; static pages and 404s read none of them, which is harmless. The API keeps its query:
        # it answers 400 to a parameter it does not know (a typo fails loudly), and 400s are never stored.
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:sebelum|sesudah|tanggal|rubrik|halaman|date|section|page|p|page_id|attachment_id)=)[^&]*(?:&|$)", "");
    }
    set req.url = regsub(std.querysort(req.url), "[?&]+$", "");
}

# Misses and passes per client (docs/caching.md says how this was sized). Readers' page fetches: a burst of
# 60, then 6 a second (a token every 1/6 s: Retry-After: 1). The read pixel, the admin and requests with a
# session cookie or Authorization (editors, and anyone who forges the cookie) spend a second bucket: a burst of
# 300, then 30 a second. The key is the IPv4 address, or the first four groups of an IPv6 address as written
# (about the /64 a household or a host gets: rotating addresses inside one /64 stays in one or two buckets).
sub redaksi_throttle {
    if (req.restarts > 0) {
        return;
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=" || req.url ~ "^/admin(/|$)"
        || req.url ~ "^(/en)?/baca/") {
        if (vsthrottle.is_denied("other " + regsub(client.ip, "^(([0-9a-f]*:){3}[0-9a-f]*):.*$", "\1"), 300, 10s)) {
            return (synth(429, "Too Many Requests"));
        }
    } elsif (vsthrottle.is_denied("pages " + regsub(client.ip, "^(([0-9a-f]*:){3}[0-9a-f]*):.*$", "\1"), 60, 10s)) {
        return (synth(429, "Too Many Requests"));
    }
}
