package com.omnis.local;

import com.omnis.local.aws.LocalOutbox;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_local/outbox} for a person: every email as its customer would see it (the HTML part in a
 * sandboxed frame, no script, no remote content; the plain-text part under it; subject, sender, recipient,
 * headers) and every text message, newest first. The page refreshes itself every few seconds.
 */
final class OutboxPage {

    private OutboxPage() {
    }

    static String render(List<LocalOutbox.Message> messages) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
                <title>Omnis local outbox</title>
                <style>
                body{font-family:system-ui,Helvetica,Arial,sans-serif;margin:0;background:#fafafa;color:#18181b}
                header{padding:16px 24px;background:#18181b;color:#fff} header h1{margin:0;font-size:20px}
                main{padding:16px 24px;display:grid;gap:16px;max-width:980px}
                article{background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:16px}
                .meta{font-size:13px;color:#52525b;margin:0 0 8px} .meta b{color:#18181b}
                h2{font-size:17px;margin:0 0 6px} iframe{width:100%;height:420px;border:1px solid #e4e4e7;border-radius:4px;background:#fff}
                pre{white-space:pre-wrap;background:#f4f4f5;padding:12px;border-radius:4px;font-size:13px}
                .sms .bubble{display:inline-block;background:#dcfce7;border-radius:16px;padding:10px 14px;max-width:520px}
                .tag{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:1px;padding:2px 6px;border-radius:4px;background:#e4e4e7;margin-right:6px}
                </style></head><body>
                <header><h1>Local outbox</h1><p>What the backend sent to people, newest first. JSON: <code>curl -H 'Accept: application/json' …/_local/outbox</code></p></header>
                <main>
                """);
        if (messages.isEmpty()) {
            page.append("<p id=\"empty\">No message sent yet.</p>\n");
        }
        for (LocalOutbox.Message message : messages) {
            if (message.channel().equals("sms")) {
                page.append("<article class=\"sms\" data-channel=\"sms\"><p class=\"meta\"><span class=\"tag\">SMS</span>to <b>")
                        .append(escape(message.to())).append("</b> · ").append(escape(message.at().toString()))
                        .append("</p><p class=\"bubble\">").append(escape(message.body())).append("</p></article>\n");
                continue;
            }
            page.append("<article class=\"email\" data-channel=\"email\"><p class=\"meta\"><span class=\"tag\">Email</span>to <b>")
                    .append(escape(message.to())).append("</b> from ").append(escape(String.valueOf(message.from())))
                    .append(" · ").append(escape(message.at().toString())).append("</p>\n<h2>")
                    .append(escape(String.valueOf(message.subject()))).append("</h2>\n");
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                page.append("<p class=\"meta header\">").append(escape(header.getKey())).append(": ")
                        .append(escape(header.getValue())).append("</p>\n");
            }
            if (message.html() != null) {
                // srcdoc keeps the email's own markup and styles away from this page's; the empty sandbox allows no script
                page.append("<iframe sandbox title=\"HTML part\" srcdoc=\"").append(escape(message.html())).append("\"></iframe>\n");
            }
            if (message.body() != null) {
                page.append("<details open><summary>Plain-text part</summary><pre class=\"text\">")
                        .append(escape(message.body())).append("</pre></details>\n");
            }
            page.append("</article>\n");
        }
        return page.append("</main></body></html>\n").toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
