// What a test compares between a message and its translation: the arguments, the rich-text tags and each plural's
// categories (app/modules/i18n/catalogs.test.ts and email-catalogs.test.ts).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type Shape = { args: Set<string>; tags: Set<string>; plurals: { name: string; options: string[] }[] };

export function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Set(), tags: new Set(), plurals: [] };
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) shape.args.add(el.value);
      if (el.type === TYPE.tag) {
        shape.tags.add(el.value);
        walk(el.children);
      }
      if (el.type === TYPE.select) {
        shape.args.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.plural) {
        shape.args.add(el.value);
        shape.plurals.push({ name: el.value, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return shape;
}
