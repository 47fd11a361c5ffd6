"""Minimal real sites of each documentation framework, written into a folder for tests.

Each builder writes the framework's real config file and one page in three locales
(``en`` source, ``fr``, ``de``) where it lives in that framework, and returns the paths
of the three copies. The German copy has a changed command in its code block, so a
run checked against the English source reports exactly that drift.
"""

from __future__ import annotations

from pathlib import Path

PAGE = {
    "en": "# Install\n\nRun the installer and wait until it finishes.\n\n```bash\nnpm install my-tool\n```\n\n"
          "The configuration guide lists every option you can set.\n",
    "fr": "# Installation\n\nLancez l'installateur et attendez la fin.\n\n```bash\nnpm install my-tool\n```\n\n"
          "Le guide de configuration liste toutes les options possibles.\n",
    "de": "# Installation\n\nStarten Sie das Installationsprogramm und warten Sie.\n\n```bash\nnpm install my-tol\n```\n\n"
          "Die Konfigurationsanleitung nennt alle Optionen, die Sie setzen können.\n",
}


def _write(root: Path, files: dict[str, str]) -> dict[str, Path]:
    out = {}
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        out[rel] = p
    return out


DOCUSAURUS_CONFIG = """// @ts-check
import {themes as prismThemes} from 'prism-react-renderer';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'My Tool',
  url: 'https://example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr', 'de'],
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: './sidebars.js',
          editUrl: ({locale, docPath}) => `https://github.com/me/site/edit/main/${locale}/${docPath}`,
        },
        blog: {showReadingTime: true},
        theme: {customCss: './src/css/custom.css'},
      }),
    ],
  ],
  themeConfig: {prism: {theme: prismThemes.github}},
};

export default config;
"""

VITEPRESS_CONFIG = """import { defineConfig } from 'vitepress'

// https://vitepress.dev/reference/site-config
export default defineConfig({
  title: "My Tool",
  description: "A VitePress site",
  locales: {
    root: { label: 'English', lang: 'en' },
    fr: { label: 'Français', lang: 'fr', link: '/fr/' },
    de: { label: 'Deutsch', lang: 'de', link: '/de/' },
  },
  themeConfig: {
    nav: [{ text: 'Home', link: '/' }],
    socialLinks: [{ icon: 'github', link: 'https://github.com/vuejs/vitepress' }],
  },
})
"""

# The shape of VuePress's own docs config (docs/.vuepress/config.js, MIT), trimmed
VUEPRESS_CONFIG = """module.exports = {
  locales: {
    '/': { lang: 'en', title: 'My Tool', description: 'A VuePress site' },
    '/fr/': { lang: 'fr-FR', title: 'My Tool' },
    '/de/': { lang: 'de-DE', title: 'My Tool' },
  },
  themeConfig: {
    repo: 'me/my-tool',
    locales: {
      '/': { label: 'English', selectText: 'Languages', nav: [{ text: 'Guide', link: '/guide/' }] },
      '/fr/': { label: 'Français', selectText: 'Langues' },
      '/de/': { label: 'Deutsch', selectText: 'Sprachen' },
    },
  },
}
"""

STARLIGHT_CONFIG = """// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// https://astro.build/config
export default defineConfig({
  integrations: [
    starlight({
      title: 'My Docs',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        fr: { label: 'Français' },
        de: { label: 'Deutsch' },
      },
      sidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }],
    }),
  ],
});
"""

MKDOCS_CONFIG = """site_name: My Tool
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: fr
          name: Français
          build: true
        - locale: de
          name: Deutsch
          build: true
"""

HUGO_CONFIG = """baseURL = 'https://example.org/'
title = 'My Tool'
defaultContentLanguage = 'en'

[languages]
  [languages.en]
    contentDir = 'content/english'
    languageName = 'English'
    weight = 1
  [languages.fr]
    contentDir = 'content/french'
    languageName = 'Français'
    weight = 2
  [languages.de]
    contentDir = 'content/german'
    languageName = 'Deutsch'
    weight = 3
"""

NEXTRA_CONFIG = """import nextra from 'nextra'

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx'
})

export default withNextra({
  i18n: {
    locales: ['en', 'fr', 'de'],
    defaultLocale: 'en'
  }
})
"""

# The shape of web-infra-dev/rsbuild's website config (MIT), trimmed
RSPRESS_CONFIG = """import * as path from 'node:path';
import { defineConfig } from '@rspress/core';

export default defineConfig({
  root: 'website/docs',
  lang: 'en',
  title: 'Rsbuild',
  themeConfig: {
    editLink: { docRepoBaseUrl: 'https://github.com/web-infra-dev/rsbuild/tree/main/website/docs' },
    locales: [
      { lang: 'en', label: 'English', description },
      { lang: 'fr', label: 'Français' },
      { lang: 'de', label: 'Deutsch', description: 'Ein Build-Werkzeug' },
    ],
  },
});
"""

LAYOUTS = {
    "docusaurus": ({"docusaurus.config.js": DOCUSAURUS_CONFIG},
                   {"en": "docs/install.md", "fr": "i18n/fr/docusaurus-plugin-content-docs/current/install.md",
                    "de": "i18n/de/docusaurus-plugin-content-docs/current/install.md"}),
    "vitepress": ({"docs/.vitepress/config.mts": VITEPRESS_CONFIG},
                  {"en": "docs/install.md", "fr": "docs/fr/install.md", "de": "docs/de/install.md"}),
    "vuepress": ({"docs/.vuepress/config.js": VUEPRESS_CONFIG},
                 {"en": "docs/install.md", "fr": "docs/fr/install.md", "de": "docs/de/install.md"}),
    "starlight": ({"astro.config.mjs": STARLIGHT_CONFIG},
                  {"en": "src/content/docs/install.md", "fr": "src/content/docs/fr/install.md",
                   "de": "src/content/docs/de/install.md"}),
    "mkdocs": ({"mkdocs.yml": MKDOCS_CONFIG},
               {"en": "docs/en/install.md", "fr": "docs/fr/install.md", "de": "docs/de/install.md"}),
    "hugo": ({"hugo.toml": HUGO_CONFIG},
             {"en": "content/english/install.md", "fr": "content/french/install.md",
              "de": "content/german/install.md"}),
    "nextra": ({"next.config.mjs": NEXTRA_CONFIG},
               {"en": "pages/install.en.mdx", "fr": "pages/install.fr.mdx", "de": "pages/install.de.mdx"}),
    "rspress": ({"rspress.config.ts": RSPRESS_CONFIG},
                {"en": "website/docs/en/install.md", "fr": "website/docs/fr/install.md",
                 "de": "website/docs/de/install.md"}),
}
"""framework -> (config files, locale -> path of the page's copy)."""


def build(root: Path, framework: str, with_config: bool = True) -> dict[str, Path]:
    """Write the minimal site of ``framework`` under ``root``; locale -> path of each copy."""
    configs, pages = LAYOUTS[framework]
    if with_config:
        _write(root, configs)
    written = _write(root, {rel: PAGE[loc] for loc, rel in pages.items()})
    return {loc: written[rel] for loc, rel in pages.items()}
