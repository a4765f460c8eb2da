# Redaksi's edge cache (Varnish 7.1+). docs/caching.md explains every rule.
#
# The app decides what may be cached (Cache-Control from redaksi/core/cache.py) and names each page's
# purge key (X-Purge-Key). This file only enforces it:
# - editors (Django session cookie) and Authorization requests go to the app, never cached;
# - everyone else's cookies are dropped, so one URL is one cache entry;
# - responses with Set-Cookie or Cache-Control private/no-store/no-cache are never stored;
# - `PURGE <key>` from loopback bans every object stored under that X-Purge-Key, `PURGE /*` bans all.
# hardening.vcl: forwarding headers only from the edge, normalised URLs, a bound on each client's fetches.
vcl 4.1;

import std;

include "backend.vcl";
include "hardening.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Method Not Allowed"));
        }
        if (req.url == "/*") {
            std.ban("obj.status != 0");
        } else {
            std.ban("obj.http.X-Purge-Key == " + req.url);
        }
        if (std.ban_error() != "") {
            return (synth(400, std.ban_error()));
        }
        return (synth(200, "Purged"));
    }
    call redaksi_forwarding;
    if (req.restarts == 0) {
        unset req.http.X-Redaksi-Fresh;
        unset req.http.X-Redaksi-Stale-If-Error;
    }
    # A reader's reload must not bypass the cache, nor reach the app as a no-cache request.
    unset req.http.Cache-Control;
    unset req.http.Pragma;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url !~ "^/admin(/|$)") {
        call redaksi_normalise_url;
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # The admin and the read-counting pixel (/baca/<id>.gif, /en/baca/...) always reach the app.
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^(/en)?/baca/") {
        return (pass);
    }
    unset req.http.Cookie;
    # The language comes from the path (/en/...), never from the browser: one variant per URL.
    unset req.http.Accept-Language;
    # req.grace outlives a restart: set it each time (a year: no cap beyond the object's own).
    if (req.http.X-Redaksi-Fresh) {
        set req.grace = 0s;
    } else {
        set req.grace = 365d;
    }
    return (hash);
}

sub vcl_hash {
    # Pages link to their own scheme (canonical URLs, the API's links): one object per scheme.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_miss {
    call redaksi_throttle;
}

sub vcl_pass {
    call redaksi_throttle;
}

sub vcl_hit {
    # Past its stale-while-revalidate window an object is served only when the app fails
    # (stale-if-error): look again without grace; vcl_synth comes back here if the app is down.
    if (obj.ttl <= 0s && !req.http.X-Redaksi-Stale-If-Error && !req.http.X-Redaksi-Fresh
        && obj.ttl + std.duration(regsub(obj.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s) <= 0s) {
        set req.http.X-Redaksi-Fresh = "1";
        return (restart);
    }
}

sub vcl_backend_response {
    if (beresp.http.Content-Type ~ "^(text/(html|xml|css)|application/(rss\+xml|atom\+xml|json|javascript|xml))") {
        set beresp.do_gzip = true;
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # The app is failing: keep serving the stale copy if there is one (see vcl_synth); on the
    # second try, with no stale copy, the reader gets the app's own error page, unstored.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch || !bereq.http.X-Redaksi-Stale-If-Error) {
            return (abandon);
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]"
        || beresp.http.Vary == "*") {
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Grace lasts as long as the app allows a stale copy on errors; vcl_hit caps it to
    # stale-while-revalidate while the app answers.
    set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), beresp.grace);
    return (deliver);
}

sub vcl_backend_error {
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 429) {
        set resp.http.Retry-After = "1";
        set resp.http.Cache-Control = "no-store";
        return (deliver);
    }
    # The fetch failed: once, look again accepting any stale copy within stale-if-error.
    if (resp.status == 503 && (req.method == "GET" || req.method == "HEAD")
        && !req.http.X-Redaksi-Stale-If-Error && req.restarts < 2) {
        unset req.http.X-Redaksi-Fresh;
        set req.http.X-Redaksi-Stale-If-Error = "1";
        return (restart);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Purge-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
