import type { ComponentDocument, CompositionDocument, FlatComponent, FlattenedComposition } from '@registry/composition';

/** A component as both forms see it: the document's (all its inputs) and the flattened one (its place and masses). */
export interface WalkedComponent {
  /** JSON pointer of the component in the document, e.g. "/components/1/components/0". */
  pointer: string;
  document: ComponentDocument;
  flat: FlatComponent;
  children: WalkedComponent[];
}

/**
 * The component tree with each component's JSON pointer, matched to the flattened composition (which lists the
 * components depth-first in document order, like this walk). Throws when the two do not describe the same document.
 */
export function walkComponents(document: CompositionDocument, flattened: FlattenedComposition): WalkedComponent[] {
  let position = 0;
  const visit = (component: ComponentDocument, pointer: string): WalkedComponent => {
    const flat = flattened.components[position++];
    if (!flat || flat.key !== component.key || flat.materials.length !== component.materials.length) {
      throw new Error(`The flattened composition does not match the document at ${pointer} (key "${component.key}")`);
    }
    const children = component.components.map((child, index) => visit(child, `${pointer}/components/${index}`));
    return { pointer, document: component, flat, children };
  };
  const roots = document.components.map((component, index) => visit(component, `/components/${index}`));
  if (position !== flattened.components.length) throw new Error('The flattened composition has more components than the document');
  return roots;
}

/** The walked components depth-first, in document order. */
export function allComponents(roots: readonly WalkedComponent[]): WalkedComponent[] {
  return roots.flatMap((root) => [root, ...allComponents(root.children)]);
}
