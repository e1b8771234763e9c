package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import katagym.web.pages.Markdown;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown md = new Markdown();

    @Test
    void formulasReachMathJaxUntouchedByMarkdown() {
        String html = md.toHtml("The scale is $1/\\sqrt{d_k}$ and $a_i * b_j$ here, and\n\n$$\\sum_i x_i^2$$\n");
        assertThat(html).contains("$1/\\sqrt{d_k}$").contains("$a_i * b_j$").contains("$$\\sum_i x_i^2$$");
        assertThat(html).doesNotContain("<em>");
    }

    @Test
    void rawHtmlIsEscapedAndTablesRender() {
        String html = md.toHtml("<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | $x < y$ |\n");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).contains("<table>").contains("$x &lt; y$");
    }
}
