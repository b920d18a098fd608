// Front matter checked in the editor (VS Code: unifiedjs.vscode-remark). See README.md.
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          "./schemas/pose.schema.json": ["./docs/poses/**/*.md"],
          "./schemas/prop.schema.json": ["./docs/props/**/*.md"],
          "./schemas/sequence.schema.json": ["./docs/sequences/**/*.md"],
          "./schemas/glossary.schema.json": ["./docs/glossary.md"],
        },
      },
    ],
  ],
};
