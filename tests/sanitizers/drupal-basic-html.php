<?php
/**
 * Drupal's "Basic HTML" text format, as the standard install profile sets it up (Drupal 10/11,
 * core/profiles/standard/config/install/filter.format.basic_html.yml), reimplemented here from
 * how its filters behave; Drupal itself cannot be installed from this machine's registries.
 *
 * - filter_html ("Limit allowed HTML tags and correct faulty HTML"): a tag not on the list below
 *   is removed and its text kept; `style` and `on*` attributes are dropped everywhere; URLs with a
 *   protocol outside Drupal's allowed list lose it; then, on the parsed DOM, every attribute not
 *   allowed for its tag goes (`lang` and `dir` are allowed on every tag).
 * - filter_html_image_secure ("Restrict images to this site"): an <img> whose src is not a path on
 *   this site naming a file PHP's getimagesize() can read is replaced by Drupal's error icon, with
 *   the alt text "Image removed.". SVG is not a format getimagesize() reads.
 * - filter_align, filter_caption and editor_file_reference act only on data-align, data-caption and
 *   data-entity-* attributes; an input holding them is refused here rather than half-emulated.
 *
 * stdin: {"docroot": folder served at "/", "inputs": [HTML, ...], "allowPicture": bool}; stdout: a
 * JSON array of results. allowPicture is the README's change to the format: `<picture> <source
 * srcset media width height>` added to the allowed tags, "Restrict images to this site" off.
 */
const ALLOWED_HTML = '<br> <p> <h2 id> <h3 id> <h4 id> <h5 id> <h6 id> <cite> <dl> <dt> <dd> <a hreflang href> <blockquote cite> <ul type> <ol start type> <strong> <em> <code> <li> <img src alt data-entity-uuid data-entity-type height width data-caption data-align>';
/** Drupal's default filter_protocols. */
const PROTOCOLS = ['http', 'https', 'ftp', 'news', 'nntp', 'tel', 'telnet', 'mailto', 'irc', 'ssh', 'sftp', 'webcal', 'rtsp'];
const BASE_PATH = '/';
const ERROR_ICON = BASE_PATH . 'core/misc/icons/e32700/error.svg';

function allowed_tags(string $allowed_html): array {
  preg_match_all('/<([a-z0-9]+)([^>]*)>/', $allowed_html, $m, PREG_SET_ORDER);
  $tags = [];
  foreach ($m as [, $tag, $attrs]) $tags[$tag] = preg_split('/\s+/', trim($attrs), -1, PREG_SPLIT_NO_EMPTY);
  return $tags;
}

/** A URL keeps its protocol only if it is an allowed one; a relative URL has none. */
function strip_bad_protocol(string $value): string {
  $value = html_entity_decode($value, ENT_QUOTES, 'UTF-8');
  do {
    $before = $value;
    $colon = strpos($value, ':');
    if ($colon !== false && !preg_match('![/?#]!', substr($value, 0, $colon))) {
      $protocol = strtolower(substr($value, 0, $colon));
      if (!in_array($protocol, PROTOCOLS, true)) $value = substr($value, $colon + 1);
    }
  } while ($before !== $value);
  return htmlspecialchars($value, ENT_QUOTES, 'UTF-8');
}

/** The attributes of one start tag, less style, on* and names starting with "-". */
function clean_attributes(string $text): string {
  preg_match_all('/([-a-zA-Z][-a-zA-Z0-9]*)(?:\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s"\'>]+)))?/', $text, $m, PREG_SET_ORDER);
  $out = [];
  foreach ($m as $a) {
    $name = strtolower($a[1]);
    if ($name === 'style' || str_starts_with($name, 'on') || strlen($name) > 96) continue;
    if (!isset($a[2])) {
      $out[] = $name;
      continue;
    }
    $value = $a[2] !== '' ? $a[2] : ($a[3] ?? '') . ($a[4] ?? '');
    $plain = str_starts_with($name, 'data-') || in_array($name, ['title', 'alt', 'rel', 'property', 'class', 'datetime'], true);
    $out[] = $name . '="' . ($plain ? $value : strip_bad_protocol($value)) . '"';
  }
  return $out ? ' ' . str_replace(['<', '>'], '', implode(' ', $out)) : '';
}

/** First pass, on the text: tags off the list go (their text stays); entities are made well-formed. */
function filter_tags(string $html, array $tags): string {
  $html = str_replace(chr(0), '', $html);
  $html = str_replace('&', '&amp;', $html);
  $html = preg_replace('/&amp;(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)/', '&$1', $html);
  return preg_replace_callback('%(<(?=[^a-zA-Z!/])|<!--.*?-->|<[^>]*(>|$)|>)%s', function ($m) use ($tags) {
    $token = $m[1];
    if ($token === '>') return '&gt;';
    if ($token === '<') return '&lt;';
    if (str_starts_with($token, '<!--')) return '';
    if (!preg_match('%^<\s*(/\s*)?([a-zA-Z0-9\-]+)\s*([^>]*)>?$%s', $token, $t)) return '';
    $name = strtolower($t[2]);
    if (!isset($tags[$name])) return '';
    if (trim($t[1]) !== '') return "</$name>";
    $attrs = preg_replace('%\s*/\s*$%', '', $t[3]);
    return "<$name" . clean_attributes($attrs) . '>';
  }, $html);
}

/** Second pass, on the DOM: attributes off each tag's list go. */
function filter_attributes(DOMDocument $doc, array $tags): void {
  foreach ((new DOMXPath($doc))->query('//body//*') as $el) {
    $allowed = $tags[$el->nodeName] ?? [];
    foreach (iterator_to_array($el->attributes) as $attr) {
      $ok = in_array($attr->name, $allowed, true) || $attr->name === 'lang' || ($attr->name === 'dir' && in_array($attr->value, ['ltr', 'rtl'], true));
      if (!$ok) $el->removeAttribute($attr->name);
    }
  }
}

function restrict_images(DOMDocument $doc, string $docroot): void {
  foreach (iterator_to_array($doc->getElementsByTagName('img')) as $img) {
    $src = $img->getAttribute('src');
    if (str_starts_with($src, BASE_PATH)) {
      $local = $docroot . '/' . rawurldecode(substr($src, strlen(BASE_PATH)));
      if (!str_contains($local, '/../') && is_file($local) && @getimagesize($local)) continue;
    }
    $img->setAttribute('src', ERROR_ICON);
    $img->setAttribute('alt', 'Image removed.');
    $img->setAttribute('title', 'This image has been removed. For security reasons, only images from the local domain are allowed.');
    $img->setAttribute('height', '16');
    $img->setAttribute('width', '16');
  }
}

function basic_html(string $html, string $docroot, bool $allow_picture): string {
  if (preg_match('/\sdata-(align|caption|entity-type|entity-uuid)\s*=/i', $html)) {
    throw new RuntimeException('data-align, data-caption and data-entity-* are not emulated');
  }
  $tags = allowed_tags(ALLOWED_HTML . ($allow_picture ? ' <picture> <source srcset media width height>' : ''));
  $doc = new DOMDocument();
  @$doc->loadHTML('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /></head><body>' . filter_tags($html, $tags) . '</body></html>');
  filter_attributes($doc, $tags);
  if (!$allow_picture) restrict_images($doc, $docroot);
  $out = '';
  foreach ($doc->getElementsByTagName('body')->item(0)->childNodes as $node) $out .= $doc->saveXML($node);
  return trim($out);
}

$request = json_decode(stream_get_contents(STDIN), true);
$allow_picture = (bool) ($request['allowPicture'] ?? false);
echo json_encode(array_map(fn ($html) => basic_html($html, rtrim($request['docroot'], '/'), $allow_picture), $request['inputs']));
