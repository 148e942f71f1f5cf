<?php
/**
 * WordPress's own kses, as it filters a post saved by an Author or Contributor (wp_kses_post: users
 * without the unfiltered_html capability), run from Debian's `wordpress` package under php-cli.
 * Loads only what kses.php calls: the hook API, formatting and general functions. No database, no
 * filters added: the defaults of a fresh WordPress.
 *
 * stdin: {"inputs": [HTML, ...], "allowPicture": bool}; stdout: {"version", "results": [...]}, what
 * wp_kses_post returns for each. allowPicture adds the README's wp_kses_allowed_html filter, as a
 * site would in a plugin or its theme's functions.php.
 * WORDPRESS_DIR overrides where WordPress is installed (default: Debian's /usr/share/wordpress).
 */
$root = rtrim(getenv('WORDPRESS_DIR') ?: '/usr/share/wordpress', '/') . '/';
if (!is_file($root . 'wp-includes/kses.php')) {
  fwrite(STDERR, "WordPress not found at $root (apt-get install --no-install-recommends wordpress)\n");
  exit(2);
}
define('ABSPATH', $root);
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/functions.php';
require ABSPATH . WPINC . '/kses.php';
require ABSPATH . WPINC . '/version.php';

$request = json_decode(stream_get_contents(STDIN), true);
if ($request['allowPicture'] ?? false) {
  // The README's snippet, word for word.
  add_filter('wp_kses_allowed_html', function ($tags, $context) {
    if ($context === 'post') {
      $tags['picture'] = [];
      $tags['source'] = ['srcset' => true, 'media' => true, 'width' => true, 'height' => true];
    }
    return $tags;
  }, 10, 2);
}
echo json_encode(['version' => $wp_version, 'results' => array_map('wp_kses_post', $request['inputs'] ?? [])]);
