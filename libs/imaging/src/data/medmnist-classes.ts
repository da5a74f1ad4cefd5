const ORGANS = ['bladder', 'femur-left', 'femur-right', 'heart', 'kidney-left', 'kidney-right', 'liver', 'lung-left', 'lung-right', 'pancreas', 'spleen'];

/**
 * Class names of the single-label 2D MedMNIST v2 subsets, by index (from the `medmnist`
 * package's INFO). The `.npz` files hold only indices, so names come from the file's subset name.
 */
export const MEDMNIST_CLASSES: Readonly<Record<string, readonly string[]>> = {
  pathmnist: [
    'adipose',
    'background',
    'debris',
    'lymphocytes',
    'mucus',
    'smooth muscle',
    'normal colon mucosa',
    'cancer-associated stroma',
    'colorectal adenocarcinoma epithelium',
  ],
  dermamnist: [
    'actinic keratoses and intraepithelial carcinoma',
    'basal cell carcinoma',
    'benign keratosis-like lesions',
    'dermatofibroma',
    'melanoma',
    'melanocytic nevi',
    'vascular lesions',
  ],
  octmnist: ['choroidal neovascularization', 'diabetic macular edema', 'drusen', 'normal'],
  pneumoniamnist: ['normal', 'pneumonia'],
  retinamnist: ['0', '1', '2', '3', '4'],
  breastmnist: ['malignant', 'normal, benign'],
  bloodmnist: [
    'basophil',
    'eosinophil',
    'erythroblast',
    'immature granulocytes(myelocytes, metamyelocytes and promyelocytes)',
    'lymphocyte',
    'monocyte',
    'neutrophil',
    'platelet',
  ],
  tissuemnist: [
    'Collecting Duct, Connecting Tubule',
    'Distal Convoluted Tubule',
    'Glomerular endothelial cells',
    'Interstitial endothelial cells',
    'Leukocytes',
    'Podocytes',
    'Proximal Tubule Segments',
    'Thick Ascending Limb',
  ],
  organamnist: ORGANS,
  organcmnist: ORGANS,
  organsmnist: ORGANS,
};
