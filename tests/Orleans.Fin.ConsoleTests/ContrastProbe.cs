namespace Orleans.Fin.ConsoleTests;

/// <summary>
/// A script run in the page: every visible element that writes text (HTML or SVG) is measured for WCAG 2 contrast between
/// its text colour and the background it sits on (the first opaque background up its ancestors). Disabled controls are
/// exempt, as WCAG exempts them. Returns the failures as "text | ratio | needed" lines.
/// </summary>
internal static class ContrastProbe
{
    public const string Script = """
        () => {
          const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
          const parse = (color) => {
            const m = color.match(/rgba?\(([^)]+)\)/);
            if (!m) return null;
            const [r, g, b, a = 1] = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
            return { r, g, b, a };
          };
          const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
          const background = (element) => {
            for (let e = element; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a >= 0.99) return c;
            }
            return { r: 255, g: 255, b: 255, a: 1 };
          };
          const failures = [];
          for (const element of document.querySelectorAll('body *')) {
            const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map((n) => n.textContent.trim()).join(' ');
            if (!own) continue;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0 || box.right < 0) continue;
            if (element.closest(':disabled') || element.closest('[hidden]')) continue;
            const isSvg = element instanceof SVGElement;
            const ink = parse(isSvg ? style.fill : style.color);
            if (!ink) continue;
            const lighter = Math.max(luminance(ink), luminance(background(element)));
            const darker = Math.min(luminance(ink), luminance(background(element)));
            const ratio = (lighter + 0.05) / (darker + 0.05);
            const size = parseFloat(style.fontSize);
            const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
            const needed = large ? 3 : 4.5;
            if (ratio < needed - 0.005) failures.push(`${own.slice(0, 40)} | ${ratio.toFixed(2)} | ${needed}`);
          }
          return failures;
        }
        """;
}
