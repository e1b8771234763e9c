package katagym.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a statement's markdown to HTML for the kata page. Formulas ({@code $...$}, {@code $$...$$})
 * are lifted out before markdown sees them (so {@code a_i * b_j} stays a formula, not emphasis),
 * then put back HTML-escaped for MathJax to typeset in the browser. Raw HTML in the markdown is escaped.
 */
public final class Markdown {
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$(?!\\s)([^$\\n]+?)(?<!\\s)\\$", Pattern.DOTALL);
    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        var extensions = List.of(TablesExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();
    }

    public String toHtml(String markdown) {
        List<String> formulas = new ArrayList<>();
        Matcher m = MATH.matcher(markdown);
        StringBuilder protectedText = new StringBuilder();
        while (m.find()) {
            formulas.add(m.group());
            m.appendReplacement(protectedText, "KATAMATH" + (formulas.size() - 1) + "X");
        }
        m.appendTail(protectedText);
        String html = renderer.render(parser.parse(protectedText.toString()));
        StringBuilder out = new StringBuilder();
        Matcher p = Pattern.compile("KATAMATH(\\d+)X").matcher(html);
        while (p.find()) {
            p.appendReplacement(out, Matcher.quoteReplacement(escape(formulas.get(Integer.parseInt(p.group(1))))));
        }
        p.appendTail(out);
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
