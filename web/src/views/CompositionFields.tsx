import { allKeys, type ComponentDoc, type CompositionDoc, FASTENINGS, type MaterialDoc, newComponent, newMaterial, pushAt, setAt } from '../composition';
import { type Errors, NumberField, SelectField, TextField } from '../components/Fields';
import { useT } from '../i18n';

interface Props {
  doc: CompositionDoc;
  setDoc: (doc: CompositionDoc) => void;
  errors: Errors;
}

function MaterialFields({ material, pointer, index, props }: { material: MaterialDoc; pointer: string; index: number; props: Props }) {
  const t = useT();
  const { doc, setDoc, errors } = props;
  const set = (field: string) => (value: unknown) => setDoc(setAt(doc, `${pointer}/${field}`, value));
  return (
    <fieldset class="material">
      <legend>
        {t('material')} {index + 1}
      </legend>
      <div class="row">
        <TextField path={`${pointer}/name`} label={t('name')} errors={errors} value={material.name} onValue={set('name')} required />
        <TextField path={`${pointer}/element`} label={t('element')} errors={errors} value={material.element} onValue={set('element')} />
        <TextField path={`${pointer}/formula`} label={t('formula')} errors={errors} value={material.formula} onValue={set('formula')} />
        <TextField path={`${pointer}/casNumber`} label={t('casNumber')} errors={errors} value={material.casNumber} onValue={set('casNumber')} />
        <NumberField path={`${pointer}/massKg`} label={t('massKg')} errors={errors} value={material.massKg} onValue={set('massKg')} />
        <NumberField
          path={`${pointer}/recycledContentPct`}
          label={t('recycledContentPct')}
          errors={errors}
          value={material.recycledContentPct}
          onValue={set('recycledContentPct')}
        />
      </div>
      <button type="button" class="secondary" onClick={() => setDoc(setAt(doc, pointer, undefined))}>
        {t('remove')}: {material.name || `${t('material')} ${index + 1}`}
      </button>
    </fieldset>
  );
}

function ComponentFields({ component, pointer, props }: { component: ComponentDoc; pointer: string; props: Props }) {
  const t = useT();
  const { doc, setDoc, errors } = props;
  const set = (field: string) => (value: unknown) => setDoc(setAt(doc, `${pointer}/${field}`, value));
  return (
    <fieldset class="component" data-pointer={pointer}>
      <legend>
        {t('component')} {component.name || component.key}
      </legend>
      <div class="row">
        <TextField path={`${pointer}/key`} label={t('key')} errors={errors} value={component.key} onValue={set('key')} required />
        <TextField path={`${pointer}/name`} label={t('name')} errors={errors} value={component.name} onValue={set('name')} required />
        <NumberField path={`${pointer}/quantity`} label={t('quantity')} errors={errors} value={component.quantity} onValue={set('quantity')} />
        <NumberField path={`${pointer}/massKg`} label={t('massKg')} errors={errors} value={component.massKg} onValue={set('massKg')} />
        <TextField path={`${pointer}/location`} label={t('location')} errors={errors} value={component.location} onValue={set('location')} />
      </div>
      <fieldset class="dismantling">
        <legend>{t('dismantling')}</legend>
        <div class="row">
          <SelectField
            path={`${pointer}/dismantling/fastening`}
            label={t('fastening')}
            errors={errors}
            value={component.dismantling?.fastening}
            onValue={set('dismantling/fastening')}
            options={[['', t('none')], ...FASTENINGS.map((f): [string, string] => [f, f])]}
          />
          <TextField
            path={`${pointer}/dismantling/toolRequired`}
            label={t('toolRequired')}
            errors={errors}
            value={component.dismantling?.toolRequired}
            onValue={set('dismantling/toolRequired')}
          />
          <NumberField
            path={`${pointer}/dismantling/timeMinutes`}
            label={t('timeMinutes')}
            errors={errors}
            value={component.dismantling?.timeMinutes}
            onValue={set('dismantling/timeMinutes')}
          />
        </div>
      </fieldset>
      <h4>{t('materials')}</h4>
      {component.materials.map((material, index) => (
        <MaterialFields key={index} material={material} index={index} pointer={`${pointer}/materials/${index}`} props={props} />
      ))}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setDoc(pushAt(doc, `${pointer}/materials`, newMaterial()))}>
          {t('addMaterial')}
        </button>
        <button type="button" class="secondary" onClick={() => setDoc(pushAt(doc, `${pointer}/components`, newComponent(allKeys(doc.components))))}>
          {t('addSubComponent')}
        </button>
        <button type="button" class="secondary" onClick={() => setDoc(setAt(doc, pointer, undefined))}>
          {t('remove')}: {component.name || component.key}
        </button>
      </div>
      {component.components.map((child, index) => (
        <ComponentFields key={index} component={child} pointer={`${pointer}/components/${index}`} props={props} />
      ))}
    </fieldset>
  );
}

/** The composition tree: components with their materials, dismantling and sub-components, each field at its JSON pointer. */
export function CompositionFields(props: Props) {
  const t = useT();
  const { doc, setDoc, errors } = props;
  return (
    <section class="composition" aria-labelledby="composition-heading">
      <h3 id="composition-heading">{t('components')}</h3>
      <div class="row">
        <NumberField
          path="/productMassKg"
          label={t('productMassKg')}
          errors={errors}
          value={doc.productMassKg}
          onValue={(value) => setDoc(setAt(doc, '/productMassKg', value))}
        />
        <NumberField
          path="/unitCount"
          label={t('unitCount')}
          errors={errors}
          value={doc.unitCount}
          onValue={(value) => setDoc(setAt(doc, '/unitCount', value))}
        />
      </div>
      {doc.components.map((component, index) => (
        <ComponentFields key={index} component={component} pointer={`/components/${index}`} props={props} />
      ))}
      <button type="button" class="secondary" onClick={() => setDoc(pushAt(doc, '/components', newComponent(allKeys(doc.components))))}>
        {t('addComponent')}
      </button>
    </section>
  );
}
