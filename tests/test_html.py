"""The one HTML convention: text is escaped, structure is the helper's."""

from helpers.display import html


def test_escape_covers_elements_and_attributes():
    assert html.escape('<b a="1">&\'') == "&lt;b a=&quot;1&quot;&gt;&amp;&#x27;"
    assert html.escape(3.5) == "3.5"


def test_paragraph_joins_and_escapes_sentences():
    shown = html.paragraph("A < B.", "C & D.")
    assert shown.data == "<p>A &lt; B. C &amp; D.</p>"


def test_note_box_is_a_labelled_note():
    shown = html.note_box("x <script>", title="Why")
    assert shown.data == (
        '<div class="tp-note" role="note"><strong>Why:</strong> x &lt;script&gt;</div>'
    )


def test_bullet_list_escapes_each_item():
    assert html.bullet_list(["a", "<b>"]) == "<ul><li>a</li><li>&lt;b&gt;</li></ul>"
