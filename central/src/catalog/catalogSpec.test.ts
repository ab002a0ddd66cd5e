import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateAttributes } from './catalogInput';
import { CATALOG_REFERENCES, CREATE_ATTRIBUTES } from './catalogSpec';
import { CATALOG_BASE, CATALOG_RESOURCES, TYPE_NAMES } from './catalogTypes';

interface SwaggerProperty {
  type?: string;
  $ref?: string;
  items?: { $ref?: string };
}
interface Swagger {
  basePath: string;
  paths: Record<string, Record<string, unknown>>;
  definitions: Record<string, { properties: Record<string, SwaggerProperty>; required?: string[] }>;
}

const swagger = JSON.parse(
  readFileSync(new URL('../../../../shared/tmf/TMF620-ProductCatalog-v4.1.0.swagger.json', import.meta.url), 'utf8'),
) as Swagger;

function specTypes(definition: string): Record<string, string> {
  const properties = swagger.definitions[definition]?.properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.type ?? 'object']));
}

describe('TMF620 v4.1.0 attribute tables', () => {
  it('serve the swagger base path and every resource path with GET, POST, PATCH and DELETE', () => {
    expect(swagger.basePath.replace(/\/$/, '')).toBe(CATALOG_BASE);
    for (const resource of CATALOG_RESOURCES) {
      expect(Object.keys(swagger.paths[`/${resource}`] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(swagger.paths[`/${resource}/{id}`] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    }
  });

  it('transcribe each _Create definition: names, JSON types and the required name', () => {
    for (const resource of CATALOG_RESOURCES) {
      const definition = `${TYPE_NAMES[resource]}_Create`;
      expect(CREATE_ATTRIBUTES[resource], definition).toEqual(specTypes(definition));
      expect(swagger.definitions[definition]?.required).toEqual(['name']);
    }
  });

  it('derive each _Update definition from _Create', () => {
    for (const resource of CATALOG_RESOURCES) {
      const definition = `${TYPE_NAMES[resource]}_Update`;
      expect([...updateAttributes(resource)].sort(), definition).toEqual(Object.keys(specTypes(definition)).sort());
    }
  });

  it('follow references only through attributes whose items are references to that resource', () => {
    const refTypes: Record<string, string[]> = {
      productOffering: ['ProductOfferingRef', 'BundledProductOffering'],
      productSpecification: ['ProductSpecificationRef', 'BundledProductSpecification'],
      productOfferingPrice: [
        'ProductOfferingPriceRefOrValue',
        'ProductOfferingPriceRelationship',
        'BundledProductOfferingPriceRelationship',
      ],
      category: ['CategoryRef'],
    };
    for (const reference of CATALOG_REFERENCES) {
      const property = swagger.definitions[TYPE_NAMES[reference.from]]?.properties[reference.field];
      const target = (reference.many ? property?.items?.$ref : property?.$ref)?.split('/').at(-1) ?? '';
      expect(refTypes[reference.to], `${reference.from}.${reference.field}`).toContain(target);
    }
  });
});
